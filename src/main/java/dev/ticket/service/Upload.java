package dev.ticket.service;

import java.nio.file.Path;

/** A file received with a message, already written to a temporary file and hashed. */
public record Upload(String filename, Path tempFile, long size, String sha256) {
}
