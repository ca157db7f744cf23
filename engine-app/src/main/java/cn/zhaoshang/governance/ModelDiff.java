package cn.zhaoshang.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import static cn.zhaoshang.governance.ModelXml.BPMN;
import static cn.zhaoshang.governance.ModelXml.CAMUNDA;

/**
 * What changed between two versions of a BPMN model: elements (anything of the BPMN namespace with an id — tasks,
 * events, gateways, flows, event definitions) added, removed and changed, matched by id. An element's content is its
 * type, its name and its attributes, plus what its children without an id of their own say (documentation, condition,
 * timer, listeners and input/output mappings, incoming/outgoing flows), each compared as a whole. The diagram (DI) is
 * left out: moving a shape is not a change of the process.
 */
public final class ModelDiff {

    /** One element as the diff shows it. */
    public record ElementInfo(String id, String type, String name) {
    }

    /** One attribute (or child content) that differs; null where it is absent. */
    public record AttributeChange(String attribute, String before, String after) {
    }

    public record ChangedElement(String id, String type, String name, List<AttributeChange> changes) {
    }

    public record Result(List<ElementInfo> added, List<ElementInfo> removed, List<ChangedElement> changed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    private ModelDiff() {
    }

    public static Result of(byte[] before, byte[] after) {
        Map<String, Map<String, String>> from = ModelXml.parse(before).map(ModelDiff::elements).orElse(Map.of());
        Map<String, Map<String, String>> to = ModelXml.parse(after).map(ModelDiff::elements).orElse(Map.of());
        List<ElementInfo> added = new ArrayList<>();
        List<ElementInfo> removed = new ArrayList<>();
        List<ChangedElement> changed = new ArrayList<>();
        to.forEach((id, attributes) -> {
            if (!from.containsKey(id)) {
                added.add(info(id, attributes));
            }
        });
        from.forEach((id, attributes) -> {
            if (!to.containsKey(id)) {
                removed.add(info(id, attributes));
                return;
            }
            Map<String, String> now = to.get(id);
            Set<String> keys = new LinkedHashSet<>(attributes.keySet());
            keys.addAll(now.keySet());
            List<AttributeChange> changes = new ArrayList<>();
            for (String key : keys) {
                String a = attributes.get(key);
                String b = now.get(key);
                if (a == null ? b != null : !a.equals(b)) {
                    changes.add(new AttributeChange(key, a, b));
                }
            }
            if (!changes.isEmpty()) {
                changed.add(new ChangedElement(id, now.get("type"), now.get("name"), changes));
            }
        });
        return new Result(added, removed, changed);
    }

    private static ElementInfo info(String id, Map<String, String> attributes) {
        return new ElementInfo(id, attributes.get("type"), attributes.get("name"));
    }

    /** id → (type, name, attributes and child contents) of every BPMN element with an id. */
    static Map<String, Map<String, String>> elements(Document doc) {
        Map<String, Map<String, String>> elements = new LinkedHashMap<>();
        for (Element e : ModelXml.descendants(doc.getDocumentElement())) {
            String id = ModelXml.attribute(e, "id");
            if (id == null || !BPMN.equals(e.getNamespaceURI())) {
                continue;
            }
            Map<String, String> content = new LinkedHashMap<>();
            content.put("type", e.getLocalName());
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = qualified(attribute);
                if (!name.equals("id") && !name.startsWith("xmlns")) {
                    content.put(name, attribute.getValue());
                }
            }
            for (Element child : ModelXml.children(e)) {
                if (ModelXml.attribute(child, "id") == null || !BPMN.equals(child.getNamespaceURI())) {
                    content.merge(child.getLocalName(), canonical(child), (a, b) -> a + ", " + b);
                }
            }
            elements.put(id, content);
        }
        return elements;
    }

    private static String qualified(Attr attribute) {
        if (CAMUNDA.equals(attribute.getNamespaceURI())) {
            return "camunda:" + attribute.getLocalName();
        }
        return attribute.getNamespaceURI() == null ? attribute.getName() : attribute.getLocalName();
    }

    /** A child's content as one line: its text, or its elements with their attributes, nested. */
    private static String canonical(Element element) {
        StringBuilder out = new StringBuilder();
        List<Element> children = ModelXml.children(element);
        NamedNodeMap attributes = element.getAttributes();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (!a.getName().startsWith("xmlns") && !a.getName().equals("id")) {
                pairs.add(qualified(a) + "=" + a.getValue());
            }
        }
        if (!pairs.isEmpty()) {
            out.append(pairs).append(' ');
        }
        if (children.isEmpty()) {
            out.append(text(element));
        } else {
            for (Element child : children) {
                out.append(child.getLocalName()).append('{').append(canonical(child).strip()).append("} ");
            }
        }
        return out.toString().strip();
    }

    private static String text(Node node) {
        return node.getTextContent() == null ? "" : node.getTextContent().strip().replaceAll("\\s+", " ");
    }
}
