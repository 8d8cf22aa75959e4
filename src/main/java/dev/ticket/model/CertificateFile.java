package dev.ticket.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The PEM certificates of a file, read alike by the client's {@code --ca-file} and the service's {@code --tls-cert}. */
public final class CertificateFile {
    private CertificateFile() {
    }

    /**
     * The certificates in {@code file}, in their order; an {@link IllegalArgumentException} with one sentence naming
     * the file as {@code what} ("the CA file") when it is missing, unreadable or holds none.
     */
    public static List<X509Certificate> read(Path file, String what) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }
}
