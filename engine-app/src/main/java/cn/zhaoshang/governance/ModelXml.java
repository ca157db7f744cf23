package cn.zhaoshang.governance;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading BPMN and DMN files as DOM (no DOCTYPE, no external entities), and small helpers to walk them. */
final class ModelXml {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private ModelXml() {
    }

    /** The document, or empty when it is not readable XML (the deployment rule and the engine report that). */
    static Optional<Document> parse(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new ByteArrayInputStream(content)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static boolean isBpmn(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".bpmn") || n.endsWith(".bpmn20.xml");
    }

    static boolean isDmn(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".dmn") || n.endsWith(".dmn11.xml");
    }

    static boolean isForm(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".form");
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        return children(parent).stream().filter(e -> is(e, namespace, localName)).toList();
    }

    /** Every element below {@code root} (not itself), document order. */
    static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Element parent, List<Element> into) {
        for (Element child : children(parent)) {
            into.add(child);
            collect(child, into);
        }
    }

    static boolean is(Element e, String namespace, String localName) {
        return localName.equals(e.getLocalName()) && (namespace == null || namespace.equals(e.getNamespaceURI()));
    }

    /** A camunda: attribute, null when absent or blank. */
    static String camunda(Element e, String attribute) {
        String value = e.getAttributeNS(CAMUNDA, attribute);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String attribute(Element e, String attribute) {
        String value = e.getAttribute(attribute);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The id of the element or of the nearest ancestor that has one. */
    static String idOf(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            String id = attribute(el, "id");
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    /** The camunda extension elements of a BPMN element ({@code extensionElements/camunda:*}). */
    static List<Element> extensions(Element e, String localName) {
        List<Element> found = new ArrayList<>();
        for (Element ext : children(e, BPMN, "extensionElements")) {
            found.addAll(children(ext, CAMUNDA, localName));
        }
        return found;
    }
}
