package io.schedsim.cli.jshell;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/** A notebook's text, split into the snippets jshell would run, each with its first line. */
record Notebook(Path path, String text, List<Snippet> snippets) {
    /** One complete snippet (or a jshell command, starting with '/') and its line number. */
    record Snippet(int line, String source) {}

    static Path path(String pathText) {
        try {
            return Path.of(pathText);
        } catch (InvalidPathException e) {
            throw NotebookRunner.unreadable(pathText, "invalid path");
        }
    }

    /** Reads the file; every problem is an input error naming it. */
    static Notebook read(Path path) {
        if (!Files.exists(path)) {
            throw NotebookRunner.unreadable(path.toString(), "no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw NotebookRunner.unreadable(path.toString(), "not a regular file");
        }
        try {
            return new Notebook(path, Files.readString(path, StandardCharsets.UTF_8), List.of());
        } catch (AccessDeniedException e) {
            throw NotebookRunner.unreadable(path.toString(), "permission denied");
        } catch (CharacterCodingException e) {
            throw NotebookRunner.unreadable(path.toString(), "not UTF-8 text");
        } catch (IOException e) {
            throw NotebookRunner.unreadable(path.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Splits {@code text} into snippets with the shell's own completeness analysis. */
    static Notebook parse(Path path, String text, JShell shell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<Snippet> snippets = new ArrayList<>();
        String remaining = text;
        while (!remaining.isBlank()) {
            int consumed = text.length() - remaining.length();
            int start = consumed + leadingBlank(remaining);
            int line = lineOf(text, start);
            String rest = text.substring(start);
            if (rest.isEmpty()) {
                break;
            }
            if (rest.startsWith("/") && !rest.startsWith("/*") && !rest.startsWith("//")) {
                int end = rest.indexOf('\n');
                snippets.add(new Snippet(line, end < 0 ? rest : rest.substring(0, end)));
                remaining = end < 0 ? "" : rest.substring(end + 1);
                continue;
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete()) {
                // Unfinished at the end of the file: let the shell report what is missing.
                snippets.add(new Snippet(line, rest));
                break;
            }
            snippets.add(new Snippet(line, info.source()));
            if (info.remaining().length() >= rest.length()) {
                break;
            }
            remaining = info.remaining();
        }
        return new Notebook(path, text, snippets);
    }

    /** Whitespace and comments before the next snippet. */
    private static int leadingBlank(String text) {
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
