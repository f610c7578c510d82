package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.output.Json;
import io.schedsim.history.jsonl.HistoryFormatException;
import io.schedsim.monitor.HistoryCheck;
import io.schedsim.monitor.MonitorReport;
import io.schedsim.monitor.MonitorViolation;
import io.schedsim.monitor.Skip;
import io.schedsim.prop.scenario.InputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedsim check <HISTORY.jsonl>}: the independent monitor on a history written by
 * {@code run|replay --history} or exported from anywhere (docs/history.md). Exit 0: clean; 1: a
 * violation; 2: the file cannot be read or a line is malformed (one line naming it and the field).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Judges a run history (JSONL, docs/history.md) with the independent "
                + "monitor.", "Exit 0: no rule broken. Exit 1: a violation (each printed: id, "
                + "event, time, ids, message). Exit 2: unreadable file or malformed line."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Parameters(index = "0", paramLabel = "<HISTORY.jsonl>",
            description = "A history file, e.g. from 'run --history FILE.jsonl'.")
    private String historyPath;

    @Option(names = "--json", description = "Prints {events, violationCount, violations, skips}.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = root.context();
        MonitorReport report = check(historyPath);
        if (json) {
            context.out().println(Json.pretty(jsonOf(report)));
        } else {
            for (MonitorViolation violation : report.violations()) {
                context.out().println(violation);
            }
            for (Skip skip : report.skips()) {
                context.out().println(skip);
            }
            context.out().println(report.events() + " events: " + (report.clean() ? "clean"
                    : report.violationCount() + " violations"));
        }
        return HistoryCheck.exitCode(report);
    }

    private static MonitorReport check(String pathText) {
        try {
            return HistoryCheck.check(Path.of(pathText));
        } catch (InvalidPathException e) {
            throw new InputException("check: " + pathText + ": invalid path");
        } catch (HistoryFormatException e) {
            throw new InputException("check: " + pathText + ": " + e.getMessage());
        } catch (IOException e) {
            throw new InputException("check: cannot read " + pathText + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Map<String, Object> jsonOf(MonitorReport report) {
        List<Map<String, Object>> violations = new ArrayList<>();
        for (MonitorViolation v : report.violations()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("invariant", v.invariant().id());
            entry.put("seq", v.seq());
            entry.put("atNanos", v.atNanos());
            putId(entry, "node", v.node());
            putId(entry, "alloc", v.alloc());
            putId(entry, "task", v.task());
            putId(entry, "job", v.job());
            entry.put("message", v.message());
            violations.add(entry);
        }
        List<Map<String, Object>> skips = new ArrayList<>();
        for (Skip skip : report.skips()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("invariant", skip.invariant().id());
            entry.put("shape", skip.shape());
            skips.add(entry);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", report.events());
        out.put("violationCount", report.violationCount());
        out.put("violations", violations);
        out.put("skips", skips);
        return out;
    }

    private static void putId(Map<String, Object> entry, String name, long id) {
        if (id != MonitorViolation.NONE) {
            entry.put(name, id);
        }
    }
}
