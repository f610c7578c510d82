package io.schedsim.prop.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table for notebooks: columns named up front, rows added as values, printed with
 * every column padded to its widest cell (numbers right-aligned, text left-aligned).
 */
public final class Table {
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();

    private Table(List<String> columns) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            numeric.add(true);
        }
    }

    public static Table of(String... columns) {
        return new Table(List.of(columns));
    }

    /** Adds a row; doubles print with one decimal, everything else as {@code String.valueOf}. */
    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has "
                    + columns.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            Object cell = cells[i];
            if (!(cell instanceof Number)) {
                numeric.set(i, false);
            }
            row.add(cell instanceof Double || cell instanceof Float
                    ? String.format(Locale.ROOT, "%.1f", ((Number) cell).doubleValue())
                    : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** Prints the table to standard output. */
    public void print() {
        System.out.print(this);
    }

    @Override
    public String toString() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, columns, widths);
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        line(text, rules, widths);
        for (List<String> row : rows) {
            line(text, row, widths);
        }
        return text.toString();
    }

    private void line(StringBuilder text, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            text.append(i == 0 ? "" : "  ").append(numeric.get(i) ? pad + cell : cell + pad);
        }
        text.append('\n');
    }
}
