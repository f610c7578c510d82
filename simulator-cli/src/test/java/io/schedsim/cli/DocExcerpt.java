package io.schedsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code $ ./schedsim ...} command shown in a Markdown file together with the output it
 * prints. In a fenced code block, such a line starts an excerpt; the lines after it, up to the
 * next {@code $ } line or the end of the block, are its output. A line {@code (exit N)} in the
 * output, or a {@code $ echo $?} line followed by N, is the exit status the text claims.
 *
 * @param exitCode the claimed exit status, or null if the text claims none
 */
record DocExcerpt(String file, int line, String command, List<String> output, Integer exitCode) {
    private static final String PROMPT = "$ ./schedsim ";
    private static final Pattern EXIT_LINE = Pattern.compile("\\(exit (\\d+)\\)");

    /** Every excerpt of one Markdown file, in order. */
    static List<DocExcerpt> parse(String file, String markdown) {
        List<Builder> found = new ArrayList<>();
        Builder current = null;
        boolean inBlock = false;
        boolean exitNext = false;
        List<String> lines = markdown.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            String text = lines.get(index);
            if (text.startsWith("```")) {
                inBlock = !inBlock;
                current = null;
                exitNext = false;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            if (text.startsWith("$ ")) {
                current = null;
                exitNext = text.strip().equals("$ echo $?") && !found.isEmpty();
                if (text.startsWith(PROMPT)) {
                    current = new Builder(file, index + 1, text.substring(2).strip());
                    found.add(current);
                }
                continue;
            }
            if (exitNext) {
                found.get(found.size() - 1).exitCode = Integer.valueOf(text.strip());
                exitNext = false;
                continue;
            }
            if (current != null) {
                Matcher exit = EXIT_LINE.matcher(text.strip());
                if (exit.matches()) {
                    current.exitCode = Integer.valueOf(exit.group(1));
                } else {
                    current.output.add(text);
                }
            }
        }
        List<DocExcerpt> excerpts = new ArrayList<>();
        for (Builder builder : found) {
            excerpts.add(builder.build());
        }
        return excerpts;
    }

    /** The arguments after {@code ./schedsim}, split as a shell would (quotes, no expansion). */
    List<String> words() {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : command.substring("./schedsim".length()).toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + command;
    }

    private static final class Builder {
        private final String file;
        private final int line;
        private final String command;
        private final List<String> output = new ArrayList<>();
        private Integer exitCode;

        Builder(String file, int line, String command) {
            this.file = file;
            this.line = line;
            this.command = command;
        }

        DocExcerpt build() {
            List<String> trimmed = new ArrayList<>(output);
            while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isBlank()) {
                trimmed.remove(trimmed.size() - 1);
            }
            return new DocExcerpt(file, line, command, List.copyOf(trimmed), exitCode);
        }
    }
}
