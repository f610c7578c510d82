package io.schedsim.cli.timeline;

import java.util.Locale;

/** A small SVG writer: elements with numeric attributes, hover titles and escaped text. */
final class Svg {
    private final StringBuilder out = new StringBuilder(1 << 16);

    Svg rect(double x, double y, double width, double height, String style, String title) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(Math.max(width, 0.5))).append("\" height=\"")
                .append(num(height)).append("\" ").append(style);
        return close("rect", title);
    }

    Svg line(double x1, double y1, double x2, double y2, String style, String title) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
                .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
                .append("\" ").append(style);
        return close("line", title);
    }

    Svg path(String d, String style, String title) {
        out.append("<path d=\"").append(d).append("\" ").append(style);
        return close("path", title);
    }

    Svg circle(double cx, double cy, double r, String style, String title) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                .append("\" r=\"").append(num(r)).append("\" ").append(style);
        return close("circle", title);
    }

    Svg text(double x, double y, String text, String style) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" ")
                .append(style).append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    private Svg close(String element, String title) {
        if (title == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(escape(title)).append("</title></").append(element)
                    .append(">\n");
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
