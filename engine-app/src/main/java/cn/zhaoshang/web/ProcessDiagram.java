package cn.zhaoshang.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * A process diagram as inline SVG, drawn on the server from the model's own layout (BPMN DI) — the same picture an
 * administrator sees in Camunda Modeler, with the steps a project has passed and the ones it waits at marked. No
 * JavaScript and no front-end library: the page stays plain and fast, and prints.
 */
public final class ProcessDiagram {

    private static final int PAD = 20;
    private static final double CHAR_WIDTH = 12.5;
    private static final int LINE_HEIGHT = 14;

    private ProcessDiagram() {
    }

    /**
     * @param completed activity ids the instance has finished (historic activity instances with an end time)
     * @param active activity ids it waits at now
     */
    public static String svg(BpmnModelInstance model, String title, Set<String> completed, Set<String> active) {
        return draw(model, title, completed, active, "arrow", false);
    }

    /**
     * As {@link #svg(BpmnModelInstance, String, Set, Set)}, for a page with several diagrams: {@code id} (letters,
     * digits, hyphens) keeps the arrow marker's id unique in the page, and width and height attributes draw the
     * diagram at its natural size, so a wide model scrolls sideways in its box instead of shrinking its text.
     */
    public static String svg(BpmnModelInstance model, String title, Set<String> completed, Set<String> active,
            String id) {
        if (!id.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("diagram id " + id);
        }
        return draw(model, title, completed, active, "arrow-" + id, true);
    }

    private static String draw(BpmnModelInstance model, String title, Set<String> completed, Set<String> active,
            String markerId, boolean naturalSize) {
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        for (BpmnShape shape : shapes) {
            Bounds b = shape.getBounds();
            minX = Math.min(minX, b.getX());
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight() + (shape.getBpmnLabel() != null ? 30 : 0));
        }
        for (BpmnEdge edge : edges) {
            for (Waypoint w : edge.getWaypoints()) {
                minX = Math.min(minX, w.getX());
                minY = Math.min(minY, w.getY());
                maxX = Math.max(maxX, w.getX());
                maxY = Math.max(maxY, w.getY());
            }
        }
        if (shapes.isEmpty()) {
            minX = minY = 0;
        }
        StringBuilder svg = new StringBuilder(16_384);
        double width = maxX - minX + 2 * PAD;
        double height = maxY - minY + 2 * PAD;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn-diagram\" role=\"img\" viewBox=\"")
                .append(num(minX - PAD)).append(' ').append(num(minY - PAD)).append(' ')
                .append(num(width)).append(' ').append(num(height)).append('"');
        if (naturalSize) {
            svg.append(" width=\"").append(num(width)).append("\" height=\"").append(num(height)).append('"');
        }
        svg.append(" aria-label=\"").append(escape(title)).append("\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<defs><marker id=\"").append(markerId).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                        + "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
                        + "fill=\"#444\"/></marker></defs>");
        // sub-processes first, so what is inside them is drawn on top
        shapes.stream().filter(s -> s.getBpmnElement() instanceof SubProcess)
                .forEach(s -> shape(svg, s, completed, active));
        for (BpmnEdge edge : edges) {
            edge(svg, edge, completed, active, markerId);
        }
        shapes.stream().filter(s -> !(s.getBpmnElement() instanceof SubProcess))
                .forEach(s -> shape(svg, s, completed, active));
        return svg.append("</svg>").toString();
    }

    private static void shape(StringBuilder svg, BpmnShape shape, Set<String> completed, Set<String> active) {
        BaseElement element = shape.getBpmnElement();
        if (element == null) {
            return;
        }
        Bounds b = shape.getBounds();
        String id = element.getId();
        String state = active.contains(id) ? "active" : completed.contains(id) ? "completed" : "pending";
        String name = element instanceof FlowNode node && node.getName() != null ? node.getName() : "";
        svg.append("<g class=\"bpmn-node ").append(state).append(' ').append(kind(element)).append("\" data-element-id=\"")
                .append(escape(id)).append("\"><title>").append(escape(name.isEmpty() ? id : name))
                .append(stateLabel(state)).append("</title>");
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        if (element instanceof Event) {
            double r = w / 2;
            svg.append("<circle cx=\"").append(num(x + r)).append("\" cy=\"").append(num(y + r)).append("\" r=\"")
                    .append(num(r)).append("\"/>");
            if (element instanceof EndEvent) {
                svg.append("<circle class=\"inner\" cx=\"").append(num(x + r)).append("\" cy=\"").append(num(y + r))
                        .append("\" r=\"").append(num(r - 3)).append("\"/>");
            } else if (element instanceof BoundaryEvent || element.getChildElementsByType(
                    org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class).size() > 0) {
                svg.append("<circle class=\"inner\" cx=\"").append(num(x + r)).append("\" cy=\"").append(num(y + r))
                        .append("\" r=\"").append(num(r - 4)).append("\"/>");
            }
            outsideLabel(svg, shape, name, x + r, y + h + LINE_HEIGHT);
        } else if (element instanceof Gateway) {
            svg.append("<polygon points=\"").append(num(x + w / 2)).append(',').append(num(y)).append(' ')
                    .append(num(x + w)).append(',').append(num(y + h / 2)).append(' ').append(num(x + w / 2)).append(',')
                    .append(num(y + h)).append(' ').append(num(x)).append(',').append(num(y + h / 2)).append("\"/>");
            outsideLabel(svg, shape, name, x + w / 2, y - 6);
        } else if (element instanceof SubProcess) {
            svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                    .append("\" height=\"").append(num(h)).append("\" rx=\"10\"/>");
            svg.append("<text class=\"subprocess-name\" x=\"").append(num(x + 8)).append("\" y=\"").append(num(y + 18))
                    .append("\">").append(escape(name)).append("</text>");
        } else if (element instanceof Activity) {
            svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                    .append("\" height=\"").append(num(h)).append("\" rx=\"10\"/>");
            centredText(svg, name, x + w / 2, y, w, h);
        } else {
            svg.append("<rect class=\"other\" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(w)).append("\" height=\"").append(num(h)).append("\"/>");
        }
        svg.append("</g>");
    }

    private static void edge(StringBuilder svg, BpmnEdge edge, Set<String> completed, Set<String> active,
            String markerId) {
        BaseElement element = edge.getBpmnElement();
        String state = "pending";
        if (element instanceof SequenceFlow flow) {
            String source = flow.getSource().getId();
            String target = flow.getTarget().getId();
            if (completed.contains(source) && (completed.contains(target) || active.contains(target))) {
                state = "completed";
            }
        }
        svg.append("<polyline class=\"bpmn-flow ").append(state).append("\" marker-end=\"url(#").append(markerId)
                .append(")\" points=\"");
        for (Waypoint w : edge.getWaypoints()) {
            svg.append(num(w.getX())).append(',').append(num(w.getY())).append(' ');
        }
        svg.append("\"/>");
        if (element instanceof SequenceFlow flow && flow.getName() != null && edge.getBpmnLabel() != null) {
            Bounds l = edge.getBpmnLabel().getBounds();
            svg.append("<text class=\"flow-name\" x=\"").append(num(l.getX() + l.getWidth() / 2)).append("\" y=\"")
                    .append(num(l.getY() + 11)).append("\">").append(escape(flow.getName())).append("</text>");
        }
    }

    private static void outsideLabel(StringBuilder svg, BpmnShape shape, String name, double cx, double y) {
        if (name.isEmpty()) {
            return;
        }
        BpmnLabel label = shape.getBpmnLabel();
        if (label != null && label.getBounds() != null) {
            Bounds l = label.getBounds();
            cx = l.getX() + l.getWidth() / 2;
            y = l.getY() + 11;
        }
        svg.append("<text class=\"label\" x=\"").append(num(cx)).append("\" y=\"").append(num(y)).append("\">")
                .append(escape(name)).append("</text>");
    }

    /** Chinese names wrapped by width (no spaces to break at), centred in the task's box. */
    private static void centredText(StringBuilder svg, String name, double cx, double y, double w, double h) {
        int[] chars = name.codePoints().toArray();
        int perLine = Math.max(1, (int) ((w - 10) / CHAR_WIDTH));
        int lines = (chars.length + perLine - 1) / perLine;
        double firstY = y + h / 2 - (lines - 1) * LINE_HEIGHT / 2.0 + 4;
        svg.append("<text class=\"name\" x=\"").append(num(cx)).append("\" y=\"").append(num(firstY)).append("\">");
        for (int i = 0; i < lines; i++) {
            String part = new String(chars, i * perLine, Math.min(chars.length, (i + 1) * perLine) - i * perLine);
            svg.append("<tspan x=\"").append(num(cx)).append("\" dy=\"").append(i == 0 ? 0 : LINE_HEIGHT).append("\">")
                    .append(escape(part)).append("</tspan>");
        }
        svg.append("</text>");
    }

    private static String kind(BaseElement element) {
        if (element instanceof Event) {
            return "event";
        }
        if (element instanceof Gateway) {
            return "gateway";
        }
        if (element instanceof SubProcess) {
            return "subprocess";
        }
        return element instanceof Activity ? "task" : "other";
    }

    private static String stateLabel(String state) {
        return switch (state) {
            case "active" -> "（当前环节）";
            case "completed" -> "（已完成）";
            default -> "";
        };
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
