package dev.ticket.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A backup of a SQLite service: one tar of {@code manifest.json} (first), {@code ticket.db} and
 * {@code blobs/XX/SHA256}, the data directory's own layout. The manifest names the SHA-256 and size of the
 * database and of every attachment file, so a restore checks each byte before it puts anything in place.
 */
public final class BackupArchive {
    public static final String MANIFEST = "manifest.json";
    public static final String DATABASE = "ticket.db";
    public static final String FORMAT = "ticket-backup";
    public static final int VERSION = 1;
    /** A manifest names ~100 bytes per attachment file: this bounds what a restore reads into memory. */
    private static final long MAX_MANIFEST = 512L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BackupArchive() {
    }

    /** One attachment file (or the database) by its content. */
    public record Blob(String sha256, long size) {
    }

    /** What the archive holds; {@code createdAt} is an ISO-8601 instant. */
    public record Manifest(String format, int version, String createdAt, int schemaVersion, long tickets,
                           long messages, long attachments, Blob database, List<Blob> blobs) {
        /** "3 tickets, 1 message, 2 attachments". */
        public String summary() {
            return count(tickets, "ticket") + ", " + count(messages, "message") + ", "
                    + count(attachments, "attachment");
        }

        private static String count(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    /** A snapshot laid out in {@code dir} like a data directory; closing it deletes the directory. */
    public record Snapshot(Path dir, Manifest manifest) implements AutoCloseable {
        @Override
        public void close() {
            Trees.delete(dir);
        }
    }

    /** The archive is not a whole, unchanged backup; the message says what is wrong. */
    public static final class InvalidException extends IOException {
        InvalidException(String message) {
            super(message);
        }
    }

    /** The path of a blob in a data directory (and in the archive). */
    public static String blobPath(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return "blobs/" + sha256.substring(0, 2) + "/" + sha256;
    }

    /** Streams the snapshot as a tar into {@code out} (finished, not closed). */
    public static void write(Snapshot snapshot, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 64 * 1024);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        byte[] manifest = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot.manifest());
        TarArchiveEntry head = entry(MANIFEST, manifest.length);
        tar.putArchiveEntry(head);
        tar.write(manifest);
        tar.closeArchiveEntry();
        putFile(tar, DATABASE, snapshot.dir().resolve(DATABASE));
        for (Blob blob : snapshot.manifest().blobs()) {
            putFile(tar, blobPath(blob.sha256()), snapshot.dir().resolve(blobPath(blob.sha256())));
        }
        tar.finish();
        tar.flush();
    }

    private static void putFile(TarArchiveOutputStream tar, String name, Path file) throws IOException {
        tar.putArchiveEntry(entry(name, Files.size(file)));
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }

    /** A plain ustar entry: whole seconds, or the time alone would need a PAX header before each. */
    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setModTime(java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        entry.setSize(size);
        return entry;
    }

    /** The digest and size of a file. */
    public static Blob digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            long size = in.transferTo(OutputStream.nullOutputStream());
            return new Blob(HexFormat.of().formatHex(sha.digest()), size);
        }
    }

    /** Reads the whole archive and checks every file against the manifest, keeping nothing. */
    public static Manifest verify(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            return read(in, null);
        }
    }

    /**
     * Checks and unpacks {@code archive} into {@code dataDir}, which must be missing or empty. Files are unpacked
     * into a temporary directory inside it and moved into place only once every one matched the manifest; on any
     * failure the directory is left as it was (and removed again if this made it).
     */
    public static Manifest restore(Path archive, Path dataDir) throws IOException {
        boolean made = !Files.exists(dataDir);
        if (!made && !isEmptyDirectory(dataDir)) {
            throw new IOException(dataDir + " is not an empty directory");
        }
        if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // private, as the service makes its data directory (store.DataDirModes); the database is 0600 at start
            Files.createDirectories(dataDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dataDir);
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(dataDir, ".restore-");
            Manifest manifest;
            try (InputStream in = Files.newInputStream(archive)) {
                manifest = read(in, work);
            }
            try (var entries = Files.list(work)) {
                for (Path entry : entries.toList()) {
                    Files.move(entry, dataDir.resolve(entry.getFileName().toString()));
                }
            }
            Trees.delete(work);
            return manifest;
        } catch (IOException | RuntimeException e) {
            if (made) {
                Trees.delete(dataDir);
            } else if (work != null) {
                Trees.delete(work);
            }
            throw e;
        }
    }

    /** True for an existing directory with nothing in it. */
    public static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Manifest read(InputStream raw, Path target) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(raw);
        Manifest manifest;
        Map<String, Blob> expected = new HashMap<>();
        try {
            TarArchiveEntry first = tar.getNextEntry();
            if (first == null || !first.getName().equals(MANIFEST) || first.getSize() > MAX_MANIFEST) {
                throw new InvalidException("it does not start with a " + MANIFEST + ": not a ticket backup");
            }
            try {
                manifest = JSON.readValue(tar.readAllBytes(), Manifest.class);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new InvalidException("its " + MANIFEST + " is not valid JSON");
            }
            if (!FORMAT.equals(manifest.format()) || manifest.database() == null || manifest.blobs() == null) {
                throw new InvalidException("its " + MANIFEST + " is not a ticket backup's");
            }
            if (manifest.version() != VERSION) {
                throw new InvalidException("it is format version " + manifest.version() + "; this ticket reads "
                        + "version " + VERSION);
            }
            expected.put(DATABASE, manifest.database());
            for (Blob blob : manifest.blobs()) {
                expected.put(blobPath(blob.sha256()), blob);
            }
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Blob want = expected.remove(entry.getName());
                if (want == null || !entry.isFile()) {
                    throw new InvalidException("it holds " + entry.getName() + ", which its manifest does not "
                            + "name (or names twice)");
                }
                Blob got = copy(tar, target == null ? null : target.resolve(entry.getName()));
                if (!got.equals(want)) {
                    throw new InvalidException(entry.getName() + " does not match the SHA-256 and size in the "
                            + "manifest: the archive is damaged");
                }
            }
        } catch (InvalidException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidException("its manifest names a file that is not a SHA-256");
        } catch (IOException e) {
            throw new InvalidException("it cannot be read to the end (" + e.getMessage() + "): truncated or "
                    + "damaged");
        }
        if (!expected.isEmpty()) {
            throw new InvalidException("it is missing " + expected.size() + " file(s) its manifest names, e.g. "
                    + expected.keySet().iterator().next() + ": truncated");
        }
        return manifest;
    }

    /** Copies the current entry into {@code file} (fsynced; nowhere when null), hashing it. */
    private static Blob copy(InputStream entry, Path file) throws IOException {
        MessageDigest sha = sha256();
        InputStream in = new DigestInputStream(entry, sha);
        long size;
        if (file == null) {
            size = in.transferTo(OutputStream.nullOutputStream());
        } else {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                size = in.transferTo(java.nio.channels.Channels.newOutputStream(channel));
                channel.force(true);
            }
        }
        return new Blob(HexFormat.of().formatHex(sha.digest()), size);
    }

    /** The manifest alone (the archive's first entry), unchecked. */
    public static Manifest manifest(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            return manifest(in);
        }
    }

    /** The manifest alone, from the start of an archive's bytes, unchecked. */
    public static Manifest manifest(InputStream archive) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(archive);
        TarArchiveEntry first = tar.getNextEntry();
        if (first == null || !first.getName().equals(MANIFEST) || first.getSize() > MAX_MANIFEST) {
            throw new InvalidException("it does not start with a " + MANIFEST + ": not a ticket backup");
        }
        return JSON.readValue(tar.readAllBytes(), Manifest.class);
    }

    /** The manifest as the archive carries it. */
    public static byte[] json(Manifest manifest) throws IOException {
        return JSON.writeValueAsBytes(manifest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
