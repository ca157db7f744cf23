package cn.zhaoshang.meeting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.lead.ConsultationMapper;
import cn.zhaoshang.lead.ConsultationSummary;
import cn.zhaoshang.lead.Lead;
import cn.zhaoshang.lead.LeadMapper;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.meeting.ResearchMeeting.Var;

/**
 * The agenda as the secretary's form shows it ({@code itemDecisions}: one row per lead, decision fields empty), and
 * reading the rows back however they arrive (a list from the REST API, JSON from the Tasklist form).
 */
@Component
public class AgendaForm {

    private final MeetingMapper meetings;
    private final LeadMapper leads;
    private final ConsultationMapper consultations;
    private final UnitMapper units;
    private final ObjectMapper json;

    AgendaForm(MeetingMapper meetings, LeadMapper leads, ConsultationMapper consultations, UnitMapper units,
            ObjectMapper json) {
        this.meetings = meetings;
        this.leads = leads;
        this.consultations = consultations;
        this.units = units;
        this.json = json;
    }

    public List<Map<String, Object>> rows(long meetingId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MeetingItem item : meetings.findItems(meetingId)) {
            if (item.dropped()) {
                continue;
            }
            Lead lead = leads.findById(item.leadId()).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("leadId", lead.getId());
            row.put("companyName", lead.getCompanyName());
            row.put("projectName", lead.getProjectName());
            row.put("reportingUnit", units.findByCode(lead.getReportingUnit()).map(Unit::name).orElse(lead.getReportingUnit()));
            row.put("totalInvestmentWan", lead.getTotalInvestmentWan());
            row.put("majorProject", lead.isMajorProject());
            row.put("consultation", ConsultationSummary.latestRound(consultations.findByLeadId(lead.getId())));
            row.put("decision", item.decision());
            row.put("reason", item.reason());
            row.put("responsibleUnit", item.responsibleUnit());
            row.put("taskForceLeader", item.taskForceLeader());
            rows.add(row);
        }
        return rows;
    }

    void fill(VariableScope scope, long meetingId) {
        // a Json variable: the Tasklist binds the form's dynamic list only to Json (Spin) variables
        scope.setVariable(Var.ITEM_DECISIONS, SpinValues.jsonValue(toJson(rows(meetingId))).create());
    }

    /** The decisions as submitted: a JSON string or Json variable (Tasklist) or a list of maps (REST). */
    List<ItemDecision> parse(Object value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(Var.ITEM_DECISIONS, "请逐项填写研判结论 / A decision per agenda item is required"));
            return List.of();
        }
        try {
            JsonNode node = value instanceof String s ? json.readTree(s)
                    : value instanceof List<?> || value instanceof Map<?, ?> ? json.valueToTree(value)
                    : json.readTree(value.toString());
            List<ItemDecision> decisions = new ArrayList<>();
            for (JsonNode row : node) {
                JsonNode id = row.path("leadId");
                decisions.add(new ItemDecision(id.canConvertToLong() ? id.asLong() : null,
                        FormValues.text(row.path("decision").asText(null)), FormValues.text(row.path("reason").asText(null)),
                        FormValues.text(row.path("responsibleUnit").asText(null)),
                        FormValues.text(row.path("taskForceLeader").asText(null))));
            }
            return decisions;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(new FieldError(Var.ITEM_DECISIONS, "研判结论格式不正确 / itemDecisions is not a list of decisions"));
            return List.of();
        }
    }

    private String toJson(List<Map<String, Object>> rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
