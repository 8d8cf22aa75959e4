package dev.ticket.store;

import dev.ticket.files.BackupArchive;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read the data (docs/rules.md, the service: tickets, messages and token hashes are the accounts' own):
 * a data directory the service makes is 0700, as the XDG Base Directory spec asks of a directory it creates,
 * and the SQLite database 0600, whatever the umask. The database file is made 0600 before SQLite first opens
 * it; SQLite gives its -wal, -shm and -journal files the database file's mode, so they follow. A directory the
 * user made is theirs: its mode is left alone (it may be a shared mount or a package's /var/lib directory),
 * only said in one warning when others can read it, while the database files in it, which are ours, are
 * tightened to 0600.
 */
public final class DataDirModes {
    private static final Logger LOG = LoggerFactory.getLogger("ticket.store");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    /** The database the store opens in the data directory, and the files SQLite adds. */
    private static final String DATABASE = BackupArchive.DATABASE;
    private static final String[] SQLITE_FILES = {"", "-wal", "-shm", "-journal"};

    private DataDirModes() {
    }

    /** Creates {@code dir} and any missing parents 0700 (where the file system has POSIX modes). */
    static void createPrivate(Path dir) throws IOException {
        if (!posix(dir)) {
            Files.createDirectories(dir);
            return;
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
    }

    /**
     * Before SQLite opens the database in {@code dir}: creates it empty with 0600 if it is missing (SQLite takes
     * an empty file for a new database), or takes group and other bits off it and its -wal/-shm/-journal; one
     * warning when {@code dir} itself lets others in.
     */
    public static void securePrivate(Path dir) throws IOException {
        if (!posix(dir)) {
            return;
        }
        Set<PosixFilePermission> dirModes = Files.getPosixFilePermissions(dir);
        if (dirModes.stream().anyMatch(OTHERS::contains)) {
            LOG.warn("the data directory {} is {}: other users may list it; its database files are kept 0600 "
                    + "(chmod 700 {} to close it)", dir, PosixFilePermissions.toString(dirModes), dir);
        }
        Path main = dir.resolve(DATABASE);
        try {
            Files.createFile(main, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
        } catch (FileAlreadyExistsException e) {
            // an existing store: tightened below
        }
        for (String suffix : SQLITE_FILES) {
            Path file = dir.resolve(DATABASE + suffix);
            if (Files.isRegularFile(file)
                    && Files.getPosixFilePermissions(file).stream().anyMatch(OTHERS::contains)) {
                Files.setPosixFilePermissions(file, PRIVATE_FILE);
            }
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
