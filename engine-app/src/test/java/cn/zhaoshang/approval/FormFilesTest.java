package cn.zhaoshang.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.appeal.EnterpriseAppeal;
import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.incentive.IncentiveClaim;
import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.meeting.ResearchMeeting;
import cn.zhaoshang.negotiation.InspectionNegotiation;

/**
 * The Camunda Forms in forms/ and the BPMN models in process-models/ agree: every camunda:formRef names a form, every
 * decision a gateway tests for can be chosen in the form of the task before it, and form fields are process variables
 * named in the Var classes of the process constants. No engine needed.
 */
class FormFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECISION_CONDITION = Pattern.compile("\\$\\{\\s*decision\\s*==\\s*'([A-Z_]+)'\\s*}");

    /** form id → parsed form */
    private static final Map<String, JsonNode> FORMS = new HashMap<>();

    @BeforeAll
    static void readForms() throws IOException, URISyntaxException {
        for (Path file : files("forms", ".form")) {
            JsonNode form = JSON.readTree(file.toFile());
            String id = form.path("id").asText(null);
            assertThat(id).as("id of %s", file.getFileName()).isNotBlank();
            assertThat(FORMS.put(id, form)).as("form id %s used twice", id).isNull();
        }
    }

    static Stream<Path> formFiles() throws IOException, URISyntaxException {
        return files("forms", ".form").stream();
    }

    static Stream<Path> bpmnFiles() throws IOException, URISyntaxException {
        return files("process-models", ".bpmn").stream();
    }

    @Test
    @DisplayName("the four forms of the landing approval are there, under the ids LandingApproval.Form names")
    void landingApprovalForms() {
        assertThat(FORMS).containsKeys(LandingApproval.Form.LANDING_APPLICATION, LandingApproval.Form.APPROVAL_STEP,
                LandingApproval.Form.MEETING_DELIBERATION, LandingApproval.Form.REVISE_APPLICATION);
    }

    @Test
    @DisplayName("the five forms of the lead screening are there, under the ids LeadScreening.Form names")
    void leadScreeningForms() {
        assertThat(FORMS).containsKeys(LeadScreening.Form.REPORT_LEAD, LeadScreening.Form.CHECK_COMPLETENESS,
                LeadScreening.Form.DECIDE_DUPLICATE, LeadScreening.Form.SUPPLEMENT_LEAD,
                LeadScreening.Form.ANSWER_CONSULTATION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    @DisplayName("every form is a Camunda 7 form whose fields are known process variables")
    void formIsValid(Path file) throws IOException {
        JsonNode form = JSON.readTree(file.toFile());
        assertThat(form.path("type").asText()).isEqualTo("default");
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.path("schemaVersion").asInt()).isPositive();
        assertThat(form.path("components").isArray()).isTrue();
        Set<String> componentIds = new TreeSet<>();
        for (JsonNode component : form.path("components")) {
            assertThat(componentIds.add(component.path("id").asText())).as("component id unique").isTrue();
            if (component.hasNonNull("key")) {
                assertThat(variableNames()).as("field key in %s", file.getFileName())
                        .contains(component.get("key").asText());
                assertThat(component.path("label").asText()).as("label of %s", component.get("key")).isNotBlank();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    @DisplayName("every camunda:formRef names a form in forms/, bound to the deployment")
    void formRefsExist(Path file) throws IOException {
        BpmnModelInstance model = read(file);
        List<String> refs = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormRef() != null) {
                refs.add(task.getCamundaFormRef());
                assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                refs.add(start.getCamundaFormRef());
                assertThat(start.getCamundaFormRefBinding()).as(start.getId()).isEqualTo("deployment");
            }
        }
        assertThat(FORMS.keySet()).containsAll(refs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    @DisplayName("every decision a gateway tests after a user task can be chosen in that task's form")
    void decisionsCanBeChosen(Path file) throws IOException {
        BpmnModelInstance model = read(file);
        int checked = 0;
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            Set<String> tested = decisionsTestedAfter(task);
            if (tested.isEmpty()) {
                continue;
            }
            JsonNode decision = field(FORMS.get(task.getCamundaFormRef()), LandingApproval.Var.DECISION);
            assertThat(decision).as("decision field in the form of %s", task.getId()).isNotNull();
            assertThat(decision.path("validate").path("required").asBoolean()).as("decision required").isTrue();
            Set<String> offered = new TreeSet<>();
            decision.path("values").forEach(v -> offered.add(v.path("value").asText()));
            assertThat(offered).as("decisions offered in the form of %s", task.getId()).isEqualTo(tested);
            checked++;
        }
        if (file.getFileName().toString().equals("LandingApproval.bpmn")) {
            assertThat(checked).as("8 approval steps and the revision").isEqualTo(9);
        }
        if (file.getFileName().toString().equals("LeadScreening.bpmn")) {
            assertThat(checked).as("completeness check, duplicate decision and supplement").isEqualTo(3);
        }
    }

    @Test
    @DisplayName("approval decisions offered in the step forms are the ApprovalDecision values")
    void approvalDecisionValues() {
        Set<String> expected = Stream.of(ApprovalDecision.values()).map(Enum::name).collect(Collectors.toSet());
        for (String form : List.of(LandingApproval.Form.APPROVAL_STEP, LandingApproval.Form.MEETING_DELIBERATION)) {
            Set<String> offered = new TreeSet<>();
            field(FORMS.get(form), LandingApproval.Var.DECISION).path("values")
                    .forEach(v -> offered.add(v.path("value").asText()));
            assertThat(offered).as(form).isEqualTo(expected);
        }
        Set<String> revision = new TreeSet<>();
        field(FORMS.get(LandingApproval.Form.REVISE_APPLICATION), LandingApproval.Var.DECISION).path("values")
                .forEach(v -> revision.add(v.path("value").asText()));
        assertThat(revision).isEqualTo(Stream.of(RevisionDecision.values()).map(Enum::name).collect(Collectors.toSet()));
    }

    @Test
    @DisplayName("the land area is asked only when land is needed")
    void landAreaOnlyWithLand() {
        for (String form : List.of(LandingApproval.Form.LANDING_APPLICATION, LandingApproval.Form.REVISE_APPLICATION,
                LeadScreening.Form.REPORT_LEAD, LeadScreening.Form.SUPPLEMENT_LEAD)) {
            JsonNode area = field(FORMS.get(form), LandingApproval.Var.LAND_AREA_MU);
            assertThat(area.path("conditional").path("hide").asText()).as(form).isEqualTo("=not(landRequired)");
        }
    }

    private static Set<String> decisionsTestedAfter(FlowNode task) {
        Set<String> decisions = new TreeSet<>();
        for (SequenceFlow out : task.getOutgoing()) {
            if (out.getTarget() instanceof ExclusiveGateway gateway) {
                for (SequenceFlow branch : gateway.getOutgoing()) {
                    ConditionExpression condition = branch.getConditionExpression();
                    if (condition != null) {
                        Matcher m = DECISION_CONDITION.matcher(condition.getTextContent());
                        if (m.find()) {
                            decisions.add(m.group(1));
                        }
                    }
                }
            }
        }
        return decisions;
    }

    private static JsonNode field(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText(null))) {
                return component;
            }
        }
        return null;
    }

    private static Set<String> variableNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> vars : List.of(LandingApproval.Var.class, LeadScreening.Var.class, ResearchMeeting.Var.class,
                InspectionNegotiation.Var.class, AgreementReview.Var.class, Fulfilment.Var.class,
                EnterpriseAppeal.Var.class, IncentiveClaim.Var.class, cn.zhaoshang.target.Targets.Var.class,
                cn.zhaoshang.assessment.Assessment.Var.class)) {
            for (Field f : vars.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    try {
                        names.add((String) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    private static BpmnModelInstance read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Bpmn.readModelFromStream(in);
        }
    }

    /** The files of a folder the engine-app build copies onto the classpath (forms/, process-models/). */
    private static List<Path> files(String folder, String suffix) throws IOException, URISyntaxException {
        URL url = FormFilesTest.class.getClassLoader().getResource(folder);
        assertThat(url).as("classpath folder %s", folder).isNotNull();
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            assertThat(found).as("%s files in %s", suffix, folder).isNotEmpty();
            return found;
        }
    }
}
