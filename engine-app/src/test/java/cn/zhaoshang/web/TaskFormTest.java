package cn.zhaoshang.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.web.TaskForm.FieldView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms of forms/ filled from task variables and read back from what a browser posts: the JSON body each step's
 * service takes, the form's own rules in Chinese, the service's refusals on their fields, hidden fields left out.
 */
class TaskFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CamundaForm form(String file) {
        try (InputStream in = TaskFormTest.class.getClassLoader().getResourceAsStream("forms/" + file)) {
            return CamundaForm.parse(JSON, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String[]> params(String... namesAndValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return params;
    }

    private static final Map<String, Object> PROJECT = Map.of("companyName", "磐安示例有限公司", "projectName", "示例项目",
            "tier", "T1");

    @Test
    @DisplayName("approval step: decision and opinion only; readonly fields keep the task's values whatever is posted")
    void approvalStep() {
        TaskForm form = TaskForm.submitted(JSON, form("approval-step.form"), PROJECT,
                params("decision", "REJECT", "opinion", "用地指标不足。", "companyName", "篡改的企业", "tier", "T3"));
        assertThat(form.hasErrors()).isFalse();
        assertThat(form.body()).isEqualTo(JSON.createObjectNode().put("decision", "REJECT").put("opinion", "用地指标不足。"));
        assertThat(form.value("companyName")).isEqualTo("磐安示例有限公司");
        List<FieldView> view = form.view(false);
        assertThat(view).extracting(FieldView::kind).as("a heading, three readonly fields, the opinion; the decision "
                + "is the buttons").containsExactly("heading", "text", "text", "text", "textarea");
        assertThat(view.get(0).label()).isEqualTo("审批意见");
        assertThat(view.get(0).level()).isEqualTo(2);
        assertThat(view.get(1).readonly()).isTrue();
        assertThat(view.get(1).value()).isEqualTo("磐安示例有限公司");
        assertThat(form.actions(false).options()).extracting(TaskForm.OptionView::label)
                .containsExactly("同意", "驳回", "退回修改");
        assertThat(form.actions(true)).as("read only: no buttons").isNull();
    }

    @Test
    @DisplayName("the form's own rules: a decision must be chosen, from the options; an empty opinion is the service's business")
    void formRules() {
        TaskForm missing = TaskForm.submitted(JSON, form("approval-step.form"), PROJECT, params("opinion", ""));
        assertThat(missing.errors()).containsOnlyKeys("decision");
        assertThat(missing.errors().get("decision")).containsExactly("请选择审批结论");
        assertThat(missing.actions(false).errors()).containsExactly("请选择审批结论");
        assertThat(missing.firstErrorId()).isEqualTo("f-decision");

        TaskForm forged = TaskForm.submitted(JSON, form("approval-step.form"), PROJECT, params("decision", "MAYBE"));
        assertThat(forged.errors().get("decision")).containsExactly("请从列出的选项中选择");

        TaskForm rejectWithoutOpinion = TaskForm.submitted(JSON, form("approval-step.form"), PROJECT,
                params("decision", "REJECT", "opinion", "  "));
        assertThat(rejectWithoutOpinion.hasErrors()).isFalse();
        assertThat(rejectWithoutOpinion.body().has("opinion")).isFalse();
    }

    @Test
    @DisplayName("meeting deliberation: date and minutes number required by the form, the date checked")
    void meetingDeliberation() {
        TaskForm refused = TaskForm.submitted(JSON, form("meeting-deliberation.form"), PROJECT,
                params("decision", "APPROVE", "meetingDate", "2026-02-30", "minutesNumber", ""));
        assertThat(refused.errors().get("meetingDate")).singleElement().asString().startsWith("日期格式应为 年-月-日");
        assertThat(refused.errors().get("minutesNumber")).containsExactly("请填写会议纪要编号");
        assertThat(refused.view(false)).filteredOn(f -> "meetingDate".equals(f.key())).singleElement()
                .satisfies(f -> {
                    assertThat(f.value()).as("what was typed stays").isEqualTo("2026-02-30");
                    assertThat(f.describedBy()).isEqualTo("f-meetingDate-error");
                });

        TaskForm ok = TaskForm.submitted(JSON, form("meeting-deliberation.form"), PROJECT,
                params("decision", "APPROVE", "meetingDate", "2026-03-02", "minutesNumber", "县府办纪〔2026〕3号",
                        "opinion", "同意"));
        assertThat(ok.body().toString()).isEqualTo("{\"decision\":\"APPROVE\",\"opinion\":\"同意\","
                + "\"meetingDate\":\"2026-03-02\",\"minutesNumber\":\"县府办纪〔2026〕3号\"}");
    }

    @Test
    @DisplayName("revised application: nested under application only when resubmitted; the land area hidden without land")
    void reviseApplication() {
        Map<String, Object> variables = new HashMap<>(PROJECT);
        variables.put("returnOpinion", "请补充用地说明");
        TaskForm resubmit = TaskForm.submitted(JSON, form("revise-application.form"), variables, params(
                "decision", "RESUBMIT", "opinion", "已补充", "companyName", "磐安示例有限公司", "projectName", "示例项目",
                "projectCategory", "SERVICE", "totalInvestmentWan", "12000.50", "landAreaMu", "18",
                "caseByCaseSupport", "true", "carrierUnit", "城东工业园区", "returnOpinion", "篡改"));
        assertThat(resubmit.hasErrors()).isFalse();
        assertThat(resubmit.isHidden("landAreaMu")).as("land not required: the area is hidden").isTrue();
        JsonNode application = resubmit.body().get("application");
        assertThat(application.get("totalInvestmentWan").decimalValue()).isEqualByComparingTo("12000.50");
        assertThat(application.get("landRequired").asBoolean()).isFalse();
        assertThat(application.get("caseByCaseSupport").asBoolean()).isTrue();
        assertThat(application.get("devZone").asBoolean()).as("an unchecked box is false").isFalse();
        assertThat(application.has("landAreaMu")).as("hidden fields are not submitted").isFalse();
        assertThat(resubmit.body().get("decision").asText()).isEqualTo("RESUBMIT");
        assertThat(resubmit.body().has("returnOpinion")).isFalse();

        TaskForm withLand = TaskForm.submitted(JSON, form("revise-application.form"), variables, params(
                "decision", "RESUBMIT", "companyName", "A", "projectName", "B", "projectCategory", "INDUSTRIAL",
                "totalInvestmentWan", "9000", "landRequired", "true", "landAreaMu", "35", "carrierUnit", "C"));
        assertThat(withLand.body().get("application").get("landAreaMu").isIntegralNumber()).isTrue();
        assertThat(withLand.body().get("application").get("landAreaMu").asInt()).isEqualTo(35);

        TaskForm withdraw = TaskForm.submitted(JSON, form("revise-application.form"), variables, params(
                "decision", "WITHDRAW", "opinion", "企业放弃", "companyName", "A", "projectName", "B",
                "projectCategory", "INDUSTRIAL", "totalInvestmentWan", "9000", "carrierUnit", "C"));
        assertThat(withdraw.body().has("application")).isFalse();

        TaskForm bad = TaskForm.submitted(JSON, form("revise-application.form"), variables, params(
                "decision", "RESUBMIT", "companyName", "A", "projectName", "", "projectCategory", "INDUSTRIAL",
                "totalInvestmentWan", "一万", "landRequired", "true", "landAreaMu", "-3", "carrierUnit", "C"));
        assertThat(bad.errors()).containsOnlyKeys("projectName", "totalInvestmentWan", "landAreaMu");
        assertThat(bad.errors().get("totalInvestmentWan")).containsExactly("请输入数字");
        assertThat(bad.errors().get("landAreaMu")).containsExactly("供地面积（亩）不能小于 0");
        assertThat(bad.view(false)).filteredOn(f -> "totalInvestmentWan".equals(f.key())).singleElement()
                .extracting(FieldView::value).isEqualTo("一万");
    }

    @Test
    @DisplayName("service refusals land on the form field they name, nested names included; the rest on the form")
    void serviceErrorsOnTheirFields() {
        TaskForm form = TaskForm.submitted(JSON, form("revise-application.form"), PROJECT,
                params("decision", "RESUBMIT"));
        form.refuse(List.of(new FieldError("application.landAreaMu", "供地面积须大于 0 / landAreaMu must be positive"),
                new FieldError("opinion", "驳回必须填写意见 / An opinion is required"),
                new FieldError("body", "请求体格式不正确 / The body is malformed")));
        assertThat(form.errors().get("landAreaMu")).containsExactly("供地面积须大于 0");
        assertThat(form.errors().get("opinion")).containsExactly("驳回必须填写意见");
        assertThat(form.formErrors()).containsExactly("请求体格式不正确");
    }

    @Test
    @DisplayName("negotiation: a visit sends its record; a joint review opinion the application with the readonly names")
    void negotiation() {
        TaskForm visit = TaskForm.submitted(JSON, form("negotiation.form"), PROJECT, params("entry", "INSPECTION",
                "heldOn", "2026-03-01", "place", "上海", "participants", "李明", "summary", "考察厂区",
                "projectCategory", "SERVICE", "opinion", "不该提交"));
        assertThat(visit.hasErrors()).isFalse();
        assertThat(visit.body().has("application")).isFalse();
        assertThat(visit.body().has("opinion")).as("hidden for a visit").isFalse();
        assertThat(visit.body().get("heldOn").asText()).isEqualTo("2026-03-01");

        TaskForm joint = TaskForm.submitted(JSON, form("negotiation.form"), PROJECT, params("entry", "JOINT_OPINION",
                "opinion", "建议同意落地", "companyName", "篡改", "projectCategory", "INDUSTRIAL",
                "totalInvestmentWan", "50000", "carrierUnit", "城东工业园区", "heldOn", "2026-13-01"));
        assertThat(joint.hasErrors()).as("the hidden visit date is not checked: %s", joint.errors()).isFalse();
        JsonNode application = joint.body().get("application");
        assertThat(application.get("companyName").asText()).isEqualTo("磐安示例有限公司");
        assertThat(application.get("projectName").asText()).isEqualTo("示例项目");
        assertThat(joint.body().has("heldOn")).isFalse();
    }

    @Test
    @DisplayName("meeting record: one row per agenda item from the Json variable, hidden cells per row, lead ids as integers")
    void meetingRecord() throws IOException {
        String agenda = "[{\"leadId\":41,\"companyName\":\"甲公司\",\"projectName\":\"甲项目\",\"reportingUnit\":\"城东招商组\","
                + "\"decision\":null},{\"leadId\":42,\"companyName\":\"乙公司\",\"projectName\":\"乙项目\","
                + "\"reportingUnit\":\"城东招商组\",\"decision\":null}]";
        Map<String, Object> variables = Map.of("meetingKind", "MONTHLY", "itemDecisions", agenda);

        TaskForm shown = TaskForm.initial(JSON, form("meeting-record.form"), variables);
        FieldView list = shown.view(false).stream().filter(f -> "list".equals(f.kind())).findFirst().orElseThrow();
        assertThat(list.rows()).hasSize(2);
        assertThat(list.rows().get(1).fields()).extracting(FieldView::name).contains("itemDecisions[1].leadId",
                "itemDecisions[1].decision", "itemDecisions[1].responsibleUnit");
        assertThat(list.rows().get(0).fields().get(1).value()).isEqualTo("甲公司");
        assertThat(shown.isHidden("requestReason")).as("a monthly meeting has no request reason").isTrue();

        TaskForm refused = TaskForm.submitted(JSON, form("meeting-record.form"), variables, params(
                "heldOn", "2026-03-25", "attendees", "研判小组全体成员",
                "itemDecisions[0].decision", "VALID", "itemDecisions[0].responsibleUnit", "",
                "itemDecisions[0].taskForceLeader", "李明", "itemDecisions[1].decision", "INVALID",
                "itemDecisions[1].reason", "不符合产业政策", "itemDecisions[1].responsibleUnit", "不该提交",
                "itemDecisions[0].leadId", "999"));
        assertThat(refused.errors()).containsOnlyKeys("itemDecisions[0].responsibleUnit");
        assertThat(refused.errors().get("itemDecisions[0].responsibleUnit")).containsExactly("请填写责任单位");

        TaskForm ok = TaskForm.submitted(JSON, form("meeting-record.form"), variables, params(
                "heldOn", "2026-03-25", "attendees", "研判小组全体成员",
                "itemDecisions[0].decision", "VALID", "itemDecisions[0].responsibleUnit", "城东工业园区",
                "itemDecisions[0].taskForceLeader", "李明", "itemDecisions[1].decision", "INVALID",
                "itemDecisions[1].reason", "不符合产业政策", "itemDecisions[1].responsibleUnit", "不该提交"));
        assertThat(ok.hasErrors()).isFalse();
        assertThat(ok.body().toString()).isEqualTo(JSON.readTree("{\"heldOn\":\"2026-03-25\",\"attendees\":\"研判小组全体成员\","
                + "\"itemDecisions\":[{\"leadId\":41,\"decision\":\"VALID\",\"responsibleUnit\":\"城东工业园区\","
                + "\"taskForceLeader\":\"李明\"},{\"leadId\":42,\"decision\":\"INVALID\",\"reason\":\"不符合产业政策\"}]}").toString());
        ok.refuse(List.of(new FieldError("itemDecisions", "线索 #42 须说明理由 / INVALID needs a reason")));
        assertThat(ok.errors().get("itemDecisions")).containsExactly("线索 #42 须说明理由");
    }

    @Test
    @DisplayName("legal review: what to do after a rejection only when rejecting; lengths counted in characters")
    void legalReview() {
        Map<String, Object> variables = Map.of("companyName", "甲", "projectName", "乙", "signingParty", "GOVERNMENT",
                "draftVersion", 2L);
        TaskForm pass = TaskForm.submitted(JSON, form("legal-review.form"), variables,
                params("decision", "PASS", "afterRejection", "END", "draftVersion", "7"));
        assertThat(pass.body().toString()).isEqualTo("{\"decision\":\"PASS\"}");
        TaskForm reject = TaskForm.submitted(JSON, form("legal-review.form"), variables,
                params("decision", "REJECT", "opinion", "𠮷".repeat(4001)));
        assertThat(reject.errors().get("afterRejection")).containsExactly("请选择不予通过后");
        assertThat(reject.errors().get("opinion")).singleElement().asString().startsWith("审查意见不能超过 4000 个字");
    }

    @Test
    @DisplayName("every form in forms/ renders from empty variables, and every field it shows has a name and a label")
    void everyFormRenders() {
        for (var file : FeelCases.formFiles()) {
            CamundaForm form = form(file.getFileName().toString());
            List<FieldView> views = TaskForm.initial(JSON, form, Map.of()).view(false);
            Set<String> kinds = views.stream().map(FieldView::kind).collect(Collectors.toSet());
            assertThat(kinds).as(file.toString()).doesNotContain("unsupported");
            views.stream().filter(v -> v.name() != null).forEach(v -> assertThat(v.label()).as(v.name()).isNotBlank());
        }
        assertThat(TaskForm.typed(form("approval-step.form").field("tier"), 3L)).isEqualTo("3");
        assertThat(TaskForm.text(new BigDecimal("12000.00"))).isEqualTo("12000");
    }
}
