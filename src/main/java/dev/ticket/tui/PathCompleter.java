package dev.ticket.tui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Completes a typed path ({@code ~/}, relative or absolute) from the files that exist. */
final class PathCompleter {
    private static final int MAX = 200;

    private final Path workDir;
    private final Path home;

    PathCompleter(Path workDir, Path home) {
        this.workDir = workDir;
        this.home = home;
    }

    /** The typed path as a file: {@code ~/} is the home directory, relative paths start at the work directory. */
    Path resolve(String typed) {
        String t = typed.strip();
        if (t.equals("~")) {
            return home;
        }
        if (t.startsWith("~/")) {
            return home.resolve(t.substring(2));
        }
        return workDir.resolve(t);
    }

    /** The entries starting with what was typed, written as typed; directories end with a slash. */
    List<String> complete(String partial) {
        String typed = partial.equals("~") ? "~/" : partial;
        int slash = typed.lastIndexOf('/');
        String typedDir = typed.substring(0, slash + 1);
        String prefix = typed.substring(slash + 1);
        List<String> out = new ArrayList<>();
        Path dir;
        try {
            dir = typedDir.isEmpty() ? workDir : resolve(typedDir);
        } catch (InvalidPathException e) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean hidden = name.startsWith(".") && !prefix.startsWith(".");
                if (name.startsWith(prefix) && !hidden && out.size() < MAX) {
                    out.add(typedDir + name + (Files.isDirectory(entry) ? "/" : ""));
                }
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }
}
