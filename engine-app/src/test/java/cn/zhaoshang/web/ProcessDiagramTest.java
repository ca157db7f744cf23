package cn.zhaoshang.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessDiagramTest {

    static Stream<Path> models() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("../process-models"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyModelDrawsAsWellFormedSvg_withOneNodePerShape(Path file) throws Exception {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String svg = ProcessDiagram.svg(model, file.getFileName().toString(), Set.of(), Set.of());

        Document document = parse(svg);
        NodeList groups = document.getElementsByTagName("g");
        assertThat(groups.getLength()).isEqualTo(model.getModelElementsByType(BpmnShape.class).size());
        assertThat(document.getElementsByTagName("polyline").getLength()).isPositive();
        assertThat(document.getDocumentElement().getAttribute("viewBox")).matches("-?[0-9.]+ -?[0-9.]+ [0-9.]+ [0-9.]+");
    }

    @Test
    void passedAndCurrentStepsAreMarked_andChineseNamesKeepWholeCharacters() throws Exception {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("../process-models/LandingApproval.bpmn").toFile());
        String svg = ProcessDiagram.svg(model, "落地审批 <T1>", Set.of("StartEvent_ApplicationSubmitted",
                "Task_ConsentByCountyHead"), Set.of("Task_ApproveByDeputyHead"));

        Document document = parse(svg);
        assertThat(node(document, "Task_ConsentByCountyHead").getAttribute("class")).contains("completed").contains("task");
        assertThat(node(document, "Task_ApproveByDeputyHead").getAttribute("class")).contains("active");
        assertThat(node(document, "Task_ApproveByDeputyHead").getTextContent()).contains("分管副县长审批").contains("当前环节");
        assertThat(node(document, "Task_ApproveByCountyHead").getAttribute("class")).contains("pending");
        assertThat(document.getDocumentElement().getAttribute("aria-label")).isEqualTo("落地审批 <T1>");
        // a name with a character outside the BMP is wrapped without splitting it
        BpmnModelInstance renamed = Bpmn.readModelFromFile(Path.of("../process-models/LandingApproval.bpmn").toFile());
        renamed.<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById("Task_ConsentByCountyHead")
                .setName("𠮷".repeat(20));
        String wrapped = ProcessDiagram.svg(renamed, "x", Set.of(), Set.of());
        assertThat(node(parse(wrapped), "Task_ConsentByCountyHead").getTextContent()).contains("𠮷".repeat(7));
        assertThat(wrapped).doesNotContain("\uFFFD");
    }

    @Test
    void severalDiagramsOnOnePage_haveTheirOwnArrowMarker_andTheirNaturalSize() throws Exception {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("../process-models/LandingApproval.bpmn").toFile());
        Document document = parse(ProcessDiagram.svg(model, "落地审批", Set.of(), Set.of(), "approval-2"));
        Element svg = document.getDocumentElement();
        String[] viewBox = svg.getAttribute("viewBox").split(" ");
        assertThat(svg.getAttribute("width")).isEqualTo(viewBox[2]);
        assertThat(svg.getAttribute("height")).isEqualTo(viewBox[3]);
        assertThat(((Element) document.getElementsByTagName("marker").item(0)).getAttribute("id")).isEqualTo("arrow-approval-2");
        assertThat(((Element) document.getElementsByTagName("polyline").item(0)).getAttribute("marker-end"))
                .isEqualTo("url(#arrow-approval-2)");
        assertThat(parse(ProcessDiagram.svg(model, "落地审批", Set.of(), Set.of())).getDocumentElement().hasAttribute("width"))
                .as("the single diagram keeps filling its box").isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ProcessDiagram.svg(model, "x", Set.of(), Set.of(), "a\" onload=\"x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Element node(Document document, String id) {
        NodeList groups = document.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (id.equals(g.getAttribute("data-element-id"))) {
                return g;
            }
        }
        throw new AssertionError("no node " + id + " in " + List.of());
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
