package cn.zhaoshang.governance;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Small BPMN models written as Camunda Modeler writes them (meaningful ids, Chinese names, a diagram for every
 * element), for deployments under test-only process keys, and the multipart body Camunda Modeler sends.
 */
final class TestModels {

    private TestModels() {
    }

    /** One step of a linear test process: its id, name and the XML of the element (with {@code FLOWS}). */
    record Step(String id, String xml) {

        static Step userTask(String id, String name, String group) {
            return new Step(id, "<bpmn:userTask id=\"" + id + "\" name=\"" + name + "\" camunda:formRef=\"form_approval_step\" "
                    + "camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"" + group + "\">FLOWS</bpmn:userTask>");
        }

        static Step raw(String id, String xmlWithFlows) {
            return new Step(id, xmlWithFlows);
        }
    }

    /** start → steps → end, with {@code camunda:historyTimeToLive} unless {@code processAttributes} says otherwise. */
    static String linear(String key, String name, String processAttributes, String startAttributes, List<Step> steps) {
        StringBuilder process = new StringBuilder();
        StringBuilder di = new StringBuilder();
        List<String> ids = new ArrayList<>();
        ids.add("StartEvent_" + key);
        steps.forEach(s -> ids.add(s.id()));
        ids.add("EndEvent_" + key);
        process.append("<bpmn:startEvent id=\"StartEvent_").append(key).append("\" name=\"开始\" ").append(startAttributes)
                .append("><bpmn:outgoing>Flow_0</bpmn:outgoing></bpmn:startEvent>\n");
        for (int i = 0; i < steps.size(); i++) {
            process.append(steps.get(i).xml().replace("FLOWS", "<bpmn:incoming>Flow_" + i + "</bpmn:incoming><bpmn:outgoing>Flow_"
                    + (i + 1) + "</bpmn:outgoing>")).append('\n');
        }
        process.append("<bpmn:endEvent id=\"EndEvent_").append(key).append("\" name=\"结束\"><bpmn:incoming>Flow_")
                .append(steps.size()).append("</bpmn:incoming></bpmn:endEvent>\n");
        for (int i = 0; i <= steps.size(); i++) {
            process.append("<bpmn:sequenceFlow id=\"Flow_").append(i).append("\" sourceRef=\"").append(ids.get(i))
                    .append("\" targetRef=\"").append(ids.get(i + 1)).append("\" />\n");
        }
        for (int i = 0; i < ids.size(); i++) {
            boolean event = i == 0 || i == ids.size() - 1;
            int x = 150 + i * 160;
            di.append("<bpmndi:BPMNShape id=\"").append(ids.get(i)).append("_di\" bpmnElement=\"").append(ids.get(i))
                    .append("\"><dc:Bounds x=\"").append(x).append("\" y=\"").append(event ? 102 : 80)
                    .append("\" width=\"").append(event ? 36 : 100).append("\" height=\"").append(event ? 36 : 80)
                    .append("\" /></bpmndi:BPMNShape>\n");
        }
        for (int i = 0; i <= steps.size(); i++) {
            int from = 150 + i * 160 + (i == 0 ? 36 : 100);
            int to = 150 + (i + 1) * 160;
            di.append("<bpmndi:BPMNEdge id=\"Flow_").append(i).append("_di\" bpmnElement=\"Flow_").append(i)
                    .append("\"><di:waypoint x=\"").append(from).append("\" y=\"120\" /><di:waypoint x=\"").append(to)
                    .append("\" y=\"120\" /></bpmndi:BPMNEdge>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_@KEY@" targetNamespace="http://zhaoshang.cn/bpmn/test" exporter="Camunda Modeler" exporterVersion="5.38.0">
                <bpmn:process id="@KEY@" name="@NAME@" isExecutable="true" @ATTRS@>
                @PROCESS@</bpmn:process>
                <bpmndi:BPMNDiagram id="BPMNDiagram_@KEY@"><bpmndi:BPMNPlane id="BPMNPlane_@KEY@" bpmnElement="@KEY@">
                @DI@</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.replace("@KEY@", key).replace("@NAME@", name).replace("@ATTRS@", processAttributes)
                .replace("@PROCESS@", process).replace("@DI@", di);
    }

    static final String TTL = "camunda:historyTimeToLive=\"30\"";

    /** A unique test-only process key (the app context and a MariaDB database outlive one run). */
    static String key(String prefix) {
        return "Process_" + prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** The multipart body Camunda Modeler sends to /engine-rest/deployment/create (several files allowed). */
    static HttpRequest.BodyPublisher multipart(String boundary, Map<String, String> fields, Map<String, byte[]> files) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
    }

    static Map<String, byte[]> files(Object... namesAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Object content = namesAndContents[i + 1];
            files.put((String) namesAndContents[i], content instanceof byte[] b ? b
                    : String.valueOf(content).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }
}
