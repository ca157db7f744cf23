package cn.zhaoshang.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.system.WithoutAuthorization;

/**
 * What a task is about, from the domain tables: every process instance is linked from its lead, project (approval
 * or negotiation), meeting, agreement or enterprise appeal row, so a task list needs one query, not one per task. The
 * fulfilment process carries its project as business key (it has no row of its own).
 */
@Component
class TaskSubjects {

    private final SubjectMapper mapper;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    TaskSubjects(SubjectMapper mapper, HistoryService historyService, RuntimeService runtimeService,
            IdentityService identityService) {
        this.mapper = mapper;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /**
     * The running process instances about a project (company or project name contains the text, or the project's or
     * lead's number is it) and/or reported by a unit, so a task list is narrowed in the database, before its limit;
     * empty when no filter is given.
     */
    Optional<Set<String>> instancesMatching(String project, String unit) {
        if (project == null && unit == null) {
            return Optional.empty();
        }
        String text = project == null ? null : project.strip().toLowerCase(Locale.ROOT);
        Long number = null;
        if (text != null) {
            try {
                number = Long.valueOf(text.startsWith("#") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                // a name, not a number
            }
        }
        // LIKE's own characters typed by a person are meant literally (backslash: the default escape of MySQL and H2)
        String pattern = text == null ? null
                : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Set<String> instances = new HashSet<>(mapper.findInstances(pattern, number, unit));
        Set<String> projectIds = new HashSet<>();
        mapper.findProjectIds(pattern, number, unit).forEach(id -> projectIds.add(id.toString()));
        if (!projectIds.isEmpty()) {
            // the fulfilment process names its project by business key only
            WithoutAuthorization.run(identityService, () -> runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(Fulfilment.PROCESS_KEY).active().unlimitedList()).stream()
                    .filter(instance -> projectIds.contains(instance.getBusinessKey()))
                    .map(ProcessInstance::getId).forEach(instances::add);
        }
        return Optional.of(instances);
    }


    Map<String, Subject> of(Collection<String> processInstanceIds) {
        Map<String, Subject> subjects = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return subjects;
        }
        for (Subject subject : mapper.find(List.copyOf(processInstanceIds))) {
            subjects.putIfAbsent(subject.processInstanceId(), subject);
        }
        Set<String> unresolved = new HashSet<>(processInstanceIds);
        unresolved.removeAll(subjects.keySet());
        if (!unresolved.isEmpty()) {
            subjects.putAll(fulfilments(unresolved));
        }
        return subjects;
    }

    Subject of(String processInstanceId) {
        return of(List.of(processInstanceId)).getOrDefault(processInstanceId, Subject.NONE);
    }

    /** Fulfilment instances name their project by business key; read as the system, the caller's rights come later. */
    private Map<String, Subject> fulfilments(Set<String> processInstanceIds) {
        List<HistoricProcessInstance> instances = WithoutAuthorization.run(identityService,
                () -> historyService.createHistoricProcessInstanceQuery()
                        .processInstanceIds(processInstanceIds)
                        .processDefinitionKey(Fulfilment.PROCESS_KEY)
                        .unlimitedList());
        Map<Long, String> instanceByProject = new HashMap<>();
        for (HistoricProcessInstance instance : instances) {
            try {
                instanceByProject.put(Long.valueOf(instance.getBusinessKey()), instance.getId());
            } catch (NumberFormatException | NullPointerException e) {
                // an instance started by hand without a project: nothing to show
            }
        }
        Map<String, Subject> subjects = new HashMap<>();
        if (instanceByProject.isEmpty()) {
            return subjects;
        }
        for (Subject project : mapper.findProjects(List.copyOf(instanceByProject.keySet()))) {
            String instance = instanceByProject.get(project.projectId());
            subjects.put(instance, project.forInstance(instance));
        }
        return subjects;
    }

    /** The lead, project, meeting or appeal a process instance serves, with the unit that reported it. */
    record Subject(String processInstanceId, Long projectId, Long leadId, Long meetingId, Long appealId,
            String companyName, String projectName, String tier, String reportingUnit, String unitName) {
        static final Subject NONE = new Subject(null, null, null, null, null, null, null, null, null, null);

        Subject forInstance(String instance) {
            return new Subject(instance, projectId, leadId, meetingId, appealId, companyName, projectName, tier,
                    reportingUnit, unitName);
        }
    }

    @Mapper
    interface SubjectMapper {

        @Select("""
                <script>
                SELECT s.*, u.name AS unit_name FROM (
                SELECT process_instance_id, id AS project_id, lead_id, NULL AS meeting_id, NULL AS appeal_id,
                       company_name, project_name, tier, reporting_unit
                  FROM project WHERE process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                UNION ALL
                SELECT negotiation_process_instance_id, id, lead_id, NULL, NULL, company_name, project_name, NULL,
                       reporting_unit
                  FROM project WHERE negotiation_process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                UNION ALL
                SELECT process_instance_id, NULL, id, NULL, NULL, company_name, project_name, NULL, reporting_unit
                  FROM lead WHERE process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                UNION ALL
                SELECT process_instance_id, NULL, NULL, id, NULL, NULL, NULL, NULL, NULL
                  FROM meeting WHERE process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                UNION ALL
                SELECT a.process_instance_id, p.id, p.lead_id, NULL, NULL, p.company_name, p.project_name, p.tier,
                       p.reporting_unit
                  FROM agreement a JOIN project p ON p.id = a.project_id WHERE a.process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                UNION ALL
                SELECT e.process_instance_id, p.id, p.lead_id, NULL, e.id, e.company_name, p.project_name, p.tier,
                       p.reporting_unit
                  FROM enterprise_appeal e LEFT JOIN project p ON p.id = e.project_id WHERE e.process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                UNION ALL
                SELECT c.process_instance_id, p.id, p.lead_id, NULL, NULL, COALESCE(p.company_name, c.claimant_name),
                       p.project_name, p.tier, p.reporting_unit
                  FROM incentive_claim c LEFT JOIN project p ON p.id = c.project_id WHERE c.process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                ) s LEFT JOIN unit u ON u.code = s.reporting_unit
                </script>""")
        List<Subject> find(@Param("ids") List<String> processInstanceIds);

        @Select("""
                <script>
                SELECT NULL AS process_instance_id, p.id AS project_id, p.lead_id, NULL AS meeting_id, NULL AS appeal_id,
                       p.company_name, p.project_name, p.tier, p.reporting_unit, u.name AS unit_name
                  FROM project p LEFT JOIN unit u ON u.code = p.reporting_unit WHERE p.id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                </script>""")
        List<Subject> findProjects(@Param("ids") List<Long> projectIds);

        /** project p matches the filter (a MyBatis script fragment) */
        String PROJECT_MATCHES = """
                <if test="pattern != null">
                  AND (LOWER(p.company_name) LIKE #{pattern} OR LOWER(p.project_name) LIKE #{pattern}
                  <if test="number != null">OR p.id = #{number} OR p.lead_id = #{number}</if>)
                </if>
                <if test="unit != null">AND p.reporting_unit = #{unit}</if>
                """;

        @Select({"<script>",
                "SELECT p.process_instance_id FROM project p WHERE p.process_instance_id IS NOT NULL", PROJECT_MATCHES,
                "UNION SELECT p.negotiation_process_instance_id FROM project p",
                " WHERE p.negotiation_process_instance_id IS NOT NULL", PROJECT_MATCHES,
                "UNION SELECT a.process_instance_id FROM agreement a JOIN project p ON p.id = a.project_id WHERE 1 = 1",
                PROJECT_MATCHES,
                "UNION SELECT l.process_instance_id FROM lead l WHERE l.process_instance_id IS NOT NULL",
                "<if test=\"pattern != null\"> AND (LOWER(l.company_name) LIKE #{pattern}",
                " OR LOWER(l.project_name) LIKE #{pattern}<if test=\"number != null\"> OR l.id = #{number}</if>)</if>",
                "<if test=\"unit != null\"> AND l.reporting_unit = #{unit}</if>",
                "UNION SELECT e.process_instance_id FROM enterprise_appeal e LEFT JOIN project p ON p.id = e.project_id",
                " WHERE e.process_instance_id IS NOT NULL",
                "<if test=\"pattern != null\"> AND (LOWER(e.company_name) LIKE #{pattern}",
                " OR LOWER(p.project_name) LIKE #{pattern}<if test=\"number != null\"> OR p.id = #{number}</if>)</if>",
                "<if test=\"unit != null\"> AND p.reporting_unit = #{unit}</if>",
                "</script>"})
        List<String> findInstances(@Param("pattern") String pattern, @Param("number") Long number,
                @Param("unit") String unit);

        @Select({"<script>", "SELECT p.id FROM project p WHERE 1 = 1", PROJECT_MATCHES, "</script>"})
        List<Long> findProjectIds(@Param("pattern") String pattern, @Param("number") Long number,
                @Param("unit") String unit);
    }
}
