package cn.zhaoshang.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The deployment rule (docs/security.md): what a deployed resource may contain, checked on its XML before the engine
 * parses it. Deploying a model is running code on the server, so:
 * <ul>
 * <li>only BPMN, DMN, Camunda Forms and diagram images ({@link #ALLOWED_SUFFIXES}) — no CMMN, no HTML forms or
 * scripts that would run in an official's browser;</li>
 * <li>BPMN: no script task, no script in a listener, an input/output mapping or a condition ({@code camunda:script},
 * {@code language=…}, {@code camunda:resource}), no connector, {@code camunda:class} only for the app's own classes,
 * and every expression passes {@link ExpressionRules};</li>
 * <li>DMN: FEEL only (no {@code expressionLanguage} that is JUEL or a script language);</li>
 * <li>no DOCTYPE (external entities) and well-formed XML.</li>
 * </ul>
 * Each violation names the resource, the id of the BPMN/DMN element it is in, its line and the rule.
 */
public final class ModelRules {

    static final List<String> ALLOWED_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form",
            ".png", ".jpg", ".jpeg");
    static final String APP_PACKAGE = "cn.zhaoshang.";

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Text that is shown, never evaluated. */
    private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text");

    /** One broken rule in one resource. */
    public record Violation(String resource, String elementId, int line, int column, String rule, String message) {

        public String describe() {
            return resource + (elementId == null ? "" : " " + elementId) + " [" + rule + "] " + message;
        }
    }

    private final ExpressionRules expressions;

    public ModelRules(ExpressionRules expressions) {
        this.expressions = expressions;
    }

    public List<Violation> check(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (ALLOWED_SUFFIXES.stream().noneMatch(name::endsWith)) {
            return List.of(new Violation(resourceName, null, 0, 0, "RESOURCE_TYPE", "只能部署 BPMN、DMN、Camunda 表单和图片"
                    + "（.bpmn .dmn .form .png .jpg），不能部署 " + resourceName + " / Only BPMN, DMN, Camunda Forms and "
                    + "images may be deployed, not " + resourceName));
        }
        boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
        if (!bpmn && !dmn) {
            return List.of();
        }
        Handler handler = new Handler(resourceName, bpmn);
        try {
            parser().parse(new ByteArrayInputStream(content), handler);
        } catch (SAXParseException e) {
            handler.violations.add(new Violation(resourceName, handler.currentId(), e.getLineNumber(), e.getColumnNumber(),
                    "XML", "模型不是合法的 XML（或含 DOCTYPE）/ The model is not well-formed XML or has a DOCTYPE: "
                            + e.getMessage()));
        } catch (SAXException | IOException e) {
            handler.violations.add(new Violation(resourceName, null, 0, 0, "XML",
                    "模型无法读取 / The model cannot be read: " + e.getMessage()));
        }
        return handler.violations;
    }

    /** No DOCTYPE at all, so no external entity is ever resolved. */
    private static SAXParser parser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Frame(String localName, String id, int line, int column, StringBuilder text) {
    }

    private final class Handler extends DefaultHandler {

        private final String resource;
        private final boolean bpmn;
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final List<Violation> violations = new ArrayList<>();
        private Locator locator;

        Handler(String resource, boolean bpmn) {
            this.resource = resource;
            this.bpmn = bpmn;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            stack.push(new Frame(localName, attributes.getValue("id"), line(), column(), new StringBuilder()));
            if (bpmn) {
                bpmnElement(uri, localName, attributes);
            } else {
                dmnElement(attributes);
            }
        }

        private void bpmnElement(String uri, String localName, Attributes attributes) {
            if (BPMN.equals(uri) && localName.equals("scriptTask")) {
                add("SCRIPT_TASK", "流程模型不得包含脚本任务 / Script tasks are not allowed");
            }
            if (CAMUNDA.equals(uri) && localName.equals("script")) {
                add("SCRIPT", "监听器、输入输出映射中不得包含脚本（camunda:script）/ Scripts in listeners and input/output "
                        + "mappings are not allowed");
            }
            if (CAMUNDA.equals(uri) && localName.equals("connector")) {
                add("CONNECTOR", "流程模型不得使用连接器（camunda:connector）/ Connectors are not allowed");
            }
            String language = attributes.getValue("language");
            if ((localName.equals("conditionExpression") || localName.equals("condition")) && language != null
                    && !language.isBlank()) {
                add("SCRIPT", "条件不得使用脚本语言（language=" + language + "）/ Script conditions are not allowed");
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getLocalName(i);
                String value = attributes.getValue(i);
                if (CAMUNDA.equals(attributes.getURI(i))) {
                    if (attribute.equals("resource")) {
                        add("SCRIPT", "不得引用外部脚本（camunda:resource）/ External script resources are not allowed");
                    }
                    if ((attribute.equals("class") || attribute.equals("variableMappingClass"))
                            && !value.strip().startsWith(APP_PACKAGE)) {
                        add("JAVA_CLASS", "camunda:" + attribute + " 只能引用本系统的类（" + APP_PACKAGE + "…），不能引用 "
                                + value + " / Only the app's own classes may be named, not " + value);
                    }
                }
                expression(value);
            }
        }

        private void dmnElement(Attributes attributes) {
            String language = attributes.getValue("expressionLanguage");
            if (language != null && !isFeel(language)) {
                add("DMN_LANGUAGE", "决策表只能使用 FEEL，不能使用 " + language + " / Decisions may use FEEL only, not "
                        + language);
            }
        }

        private static boolean isFeel(String language) {
            String l = language.strip().toLowerCase(Locale.ROOT);
            return l.equals("feel") || l.startsWith("http://www.omg.org/spec/feel/")
                    || (l.contains("omg.org/spec/dmn/") && l.endsWith("/feel/"));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) {
                stack.peek().text().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Frame frame = stack.peek();
            if (bpmn && !NOT_EVALUATED.contains(localName)) {
                expression(frame.text().toString());
            }
            stack.pop();
        }

        private void expression(String text) {
            for (ExpressionRules.Finding finding : expressions.check(text)) {
                add(finding.rule(), finding.message() + "：" + text.strip());
            }
        }

        private void add(String rule, String message) {
            violations.add(new Violation(resource, currentId(), line(), column(), rule, message));
        }

        /** The innermost element with an id: the task, event, flow or process the violation is in. */
        String currentId() {
            return stack.stream().map(Frame::id).filter(id -> id != null && !id.isBlank()).findFirst().orElse(null);
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        private int column() {
            return locator == null ? 0 : locator.getColumnNumber();
        }
    }
}
