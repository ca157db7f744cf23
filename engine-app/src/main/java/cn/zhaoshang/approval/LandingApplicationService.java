package cn.zhaoshang.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.negotiation.InspectionNegotiation;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.task.TaskActionService;

/**
 * Submits a landing application: completes the project's 考察洽谈 task with the signed joint review opinion, which
 * starts Process_LandingApproval; the project row, the tier and the first approval task commit together.
 */
@Service
public class LandingApplicationService {

    private final ProjectMapper projects;
    private final TaskActionService tasks;
    private final ObjectMapper json;

    public LandingApplicationService(ProjectMapper projects, TaskActionService tasks, ObjectMapper json) {
        this.projects = projects;
        this.tasks = tasks;
        this.json = json;
    }

    /** The caller (a member of the task force or the hosting carrier) signs and becomes the applicant. */
    @Transactional
    public Submitted submit(LandingApplicationSubmission submission, String userId) {
        List<FieldError> errors = new ArrayList<>();
        if (submission.projectId() == null) {
            errors.add(new FieldError("projectId", "请指定考察洽谈中的项目 / projectId of the project in negotiation is required"));
        }
        if (submission.jointOpinion() == null || submission.jointOpinion().isBlank()) {
            errors.add(new FieldError("jointOpinion", "考察联审意见不能为空 / jointOpinion is required"));
        } else if (submission.jointOpinion().length() > 2000) {
            errors.add(new FieldError("jointOpinion", "考察联审意见不能超过 2000 字 / jointOpinion is longer than 2000"));
        }
        errors.addAll(LandingApplicationValidator.validate(submission.application()));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Project project = projects.findById(submission.projectId()).orElseThrow(() -> ApiException.notFound(
                "项目 " + submission.projectId() + " 不存在 / Project " + submission.projectId() + " not found"));
        if (project.getStatus() != ProjectStatus.NEGOTIATING || project.getNegotiationProcessInstanceId() == null) {
            throw ApiException.conflict("PROJECT_NOT_IN_NEGOTIATION", "项目当前为「" + project.getStatus().label()
                    + "」，不能提交落地审批 / The project is " + project.getStatus() + ", not in negotiation");
        }
        String negotiate = tasks.openTaskId(project.getNegotiationProcessInstanceId(), InspectionNegotiation.Step.NEGOTIATE)
                .orElseThrow(() -> ApiException.conflict("PROJECT_NOT_IN_NEGOTIATION",
                        "该项目没有待办的考察洽谈任务 / The project has no open negotiation task"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entry", "JOINT_OPINION");
        body.put("opinion", submission.jointOpinion().strip());
        body.put("application", submission.application());
        tasks.complete(negotiate, json.valueToTree(body), userId);

        Project submitted = projects.findById(project.getId()).orElseThrow();
        return new Submitted(submitted.getId(), submitted.getProcessInstanceId(), submitted.getTier());
    }

    /** The variables a Camunda Form would bind for this application (start, resubmission, joint opinion). */
    public static Map<String, Object> formVariables(LandingApplication application) {
        return ApplicationVariables.all(LandingApplicationValidator.normalise(application));
    }

    public record Submitted(long projectId, String processInstanceId, String tier) {
    }
}
