package cn.zhaoshang.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.task.TaskActionService;
import cn.zhaoshang.task.TaskDetails;
import cn.zhaoshang.task.TaskRecords.AttachmentContent;
import cn.zhaoshang.task.TaskRecords.TaskDetail;

/**
 * One task (/tasks/{id}): its Camunda Form rendered on the server and filled from the task's variables, the decision
 * of an approval step as the buttons 同意 / 驳回 / 退回, 认领, 转办 to a colleague of the task's group, 抄送 to people
 * who only read, comments and attachments, and the ledger of the project, appeal or lead beside it. Everything goes
 * through the task services the REST API uses (same validation, same ledger, same 409 when someone else was faster); a
 * refusal shows the page again with each message next to its field and the values as entered.
 */
@Controller
@RequestMapping("/tasks/{taskId}")
class TaskPageController {

    private final TaskActionService tasks;
    private final TaskDetails details;
    private final TaskForms forms;
    private final TaskHistory history;
    private final ObjectMapper json;

    TaskPageController(TaskActionService tasks, TaskDetails details, TaskForms forms, TaskHistory history,
            ObjectMapper json) {
        this.tasks = tasks;
        this.details = details;
        this.forms = forms;
        this.history = history;
        this.json = json;
    }

    /** A side form (转办, 抄送, 意见, 附件) shown again after a refusal: what was entered and the message of each field. */
    record SideForm(String name, Map<String, String> values, Map<String, String> errors) {

        static SideForm empty(String name) {
            return new SideForm(name, Map.of(), Map.of());
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }
    }

    record Result(String label, String value) {
    }

    record CommentRow(String who, String time, String message) {
    }

    @GetMapping
    ModelAndView show(@PathVariable String taskId, Authentication caller) {
        return page(taskId, caller.getName(), null, null, null, HttpStatus.OK);
    }

    @PostMapping("/claim")
    ModelAndView claim(@PathVariable String taskId, Authentication caller, RedirectAttributes flash) {
        try {
            tasks.claim(taskId, caller.getName());
            flash.addFlashAttribute("notice", "已认领，该任务现在由您办理。");
        } catch (ApiException e) {
            refusedOrThrow(e, flash);
        }
        return redirect(taskId, "");
    }

    @PostMapping("/complete")
    ModelAndView complete(@PathVariable String taskId, HttpServletRequest request, Authentication caller,
            RedirectAttributes flash) {
        String user = caller.getName();
        try {
            return completeOrRefuse(taskId, request, user, flash);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                // someone else was faster: say so in Chinese on the task as it now stands
                flash.addFlashAttribute("problem", "未提交：" + Chinese.of(e.getMessage()) + "。");
                return redirect(taskId, "");
            }
            // a task completed by someone else while this request was under way can look forbidden or gone on the
            // way; that is a lost race too, and the task page says who completed it
            TaskDetail now = completedOrNull(taskId, user);
            if (now != null) {
                flash.addFlashAttribute("problem", "未提交：在您提交之前，" + completedMessage(now));
                return redirect(taskId, "");
            }
            throw e;
        }
    }

    private ModelAndView completeOrRefuse(String taskId, HttpServletRequest request, String user,
            RedirectAttributes flash) {
        TaskDetail detail = details.detail(taskId, user);
        if (!detail.open()) {
            flash.addFlashAttribute("problem", "未提交：在您提交之前，" + completedMessage(detail));
            return redirect(taskId, "");
        }
        CamundaForm form = forms.ofTask(taskId, user).orElseThrow(() -> ApiException.conflict("UNSUPPORTED_STEP",
                "该任务没有可在工作台填写的表单，请在 Camunda Tasklist 中办理 / The task has no form"));
        TaskForm submitted = TaskForm.submitted(json, form, detail.variables(), request.getParameterMap());
        if (submitted.hasErrors()) {
            return page(taskId, user, submitted, null, "未提交：请按提示改正后再提交。", HttpStatus.BAD_REQUEST);
        }
        try {
            tasks.complete(taskId, submitted.body(), user);
        } catch (ApiException e) {
            List<FieldError> errors = e.toBody().errors();
            if (e.status() == HttpStatus.BAD_REQUEST && errors != null && !errors.isEmpty()) {
                submitted.refuse(errors);
                return page(taskId, user, submitted, null, "未提交：请按提示改正后再提交。", HttpStatus.BAD_REQUEST);
            }
            throw e;
        }
        flash.addFlashAttribute("notice", "已办结「" + detail.task().name() + "」"
                + (detail.task().subjectTitle() == null ? "" : "（" + detail.task().subjectTitle() + "）")
                + "，可在“已办”中查看。");
        return new ModelAndView("redirect:/tasks");
    }

    /** The task if it is completed by now and the user may see it, else null. */
    private TaskDetail completedOrNull(String taskId, String user) {
        try {
            TaskDetail detail = details.detail(taskId, user);
            return detail.open() ? null : detail;
        } catch (ApiException e) {
            return null;
        }
    }

    @PostMapping("/transfer")
    ModelAndView transfer(@PathVariable String taskId, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String reason, Authentication caller, RedirectAttributes flash) {
        try {
            tasks.transfer(taskId, caller.getName(), assignee, reason);
        } catch (ApiException e) {
            return sideRefused(taskId, caller, e, flash, "transfer", values("assignee", assignee, "reason", reason));
        }
        flash.addFlashAttribute("notice", "已将任务转办给 " + assignee + "，并通知了对方。");
        return new ModelAndView("redirect:/tasks");
    }

    @PostMapping("/copies")
    ModelAndView copy(@PathVariable String taskId, @RequestParam(required = false) List<String> recipients,
            @RequestParam(required = false) String note, Authentication caller, RedirectAttributes flash) {
        List<String> copied;
        try {
            copied = tasks.copy(taskId, caller.getName(), recipients, note);
        } catch (ApiException e) {
            return sideRefused(taskId, caller, e, flash, "copy", values("recipients",
                    recipients == null ? "" : String.join(",", recipients), "note", note));
        }
        flash.addFlashAttribute("notice", copied.isEmpty() ? "所选人员都已收到过该任务的抄送，未重复抄送。"
                : "已抄送给 " + String.join("、", copied) + "，对方可在“抄送我的”中查看。");
        return redirect(taskId, "#copies");
    }

    @PostMapping("/comments")
    ModelAndView comment(@PathVariable String taskId, @RequestParam(required = false) String message,
            Authentication caller, RedirectAttributes flash) {
        try {
            tasks.comment(taskId, caller.getName(), message);
        } catch (ApiException e) {
            return sideRefused(taskId, caller, e, flash, "comment", values("message", message));
        }
        flash.addFlashAttribute("notice", "已添加意见。");
        return redirect(taskId, "#comments");
    }

    @PostMapping("/attachments")
    ModelAndView attach(@PathVariable String taskId, @RequestParam(required = false) MultipartFile file,
            Authentication caller, RedirectAttributes flash) throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        try {
            tasks.attach(taskId, caller.getName(), name, file == null ? new byte[0] : file.getBytes());
        } catch (ApiException e) {
            return sideRefused(taskId, caller, e, flash, "attachment", values("file", name));
        }
        flash.addFlashAttribute("notice", "已上传附件：" + name + "。");
        return redirect(taskId, "#attachments");
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String taskId, @PathVariable String attachmentId,
            Authentication caller) {
        AttachmentContent file = details.attachment(taskId, attachmentId, caller.getName());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.type() == null ? "application/octet-stream" : file.type()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    private ModelAndView page(String taskId, String user, TaskForm submitted, SideForm refused, String problem,
            HttpStatus status) {
        TaskDetail detail = details.detail(taskId, user);
        ModelAndView page = new ModelAndView("tasks/task");
        page.setStatus(status);
        page.addObject("task", detail);
        page.addObject("row", TaskListController.row(detail.task()));
        page.addObject("comments", detail.comments().stream()
                .map(c -> new CommentRow(c.userName(), TaskHistory.time(c.time()), c.message())).toList());
        if (problem != null) {
            page.addObject("problem", problem);
        }
        CamundaForm form = forms.ofTask(taskId, user).orElse(null);
        if (detail.open() && form != null) {
            TaskForm state = submitted != null ? submitted : TaskForm.initial(json, form, detail.variables());
            boolean readOnly = !detail.work();
            page.addObject("fields", state.view(readOnly));
            page.addObject("actions", state.actions(readOnly));
            page.addObject("formErrors", state.formErrors());
            page.addObject("focus", state.firstErrorId());
        } else if (!detail.open()) {
            page.addObject("results", results(form, detail.submitted()));
            page.addObject("completedNote", completedMessage(detail));
        }
        page.addObject("noForm", detail.open() && form == null);
        page.addObject("holder", detail.open() && !detail.work() ? holderNote(detail, user) : null);
        page.addObject("claimable", detail.open() && detail.work() && detail.task().assignee() == null);
        page.addObject("groups", detail.candidateGroups().stream().map(g -> Groups.ALL.getOrDefault(g, g)).toList());
        page.addObject("historyTitle", TaskHistory.title(detail.task()));
        page.addObject("history", history.of(detail.task()));
        page.addObject("colleagues", detail.work() ? details.colleagues(detail, user) : List.of());
        page.addObject("everyone", detail.work() ? details.everyoneBut(user) : List.of());
        page.addObject("transferForm", form(refused, "transfer"));
        page.addObject("copyForm", form(refused, "copy"));
        page.addObject("commentForm", form(refused, "comment"));
        page.addObject("attachmentForm", form(refused, "attachment"));
        page.addObject("attachmentTypes", ".doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.ofd,.pdf,.jpg,.jpeg,.png");
        return page;
    }

    private ModelAndView sideRefused(String taskId, Authentication caller, ApiException e, RedirectAttributes flash,
            String name, Map<String, String> values) {
        List<FieldError> errors = e.toBody().errors();
        if (e.status() == HttpStatus.BAD_REQUEST && errors != null && !errors.isEmpty()) {
            Map<String, String> byField = Chinese.byField(errors);
            return page(taskId, caller.getName(), null, new SideForm(name, values, byField), "未保存：请按提示改正后再提交。",
                    HttpStatus.BAD_REQUEST);
        }
        refusedOrThrow(e, flash);
        return redirect(taskId, "");
    }

    /** A conflict (someone else was faster) becomes the page's message; anything else is the error page's. */
    private static void refusedOrThrow(ApiException e, RedirectAttributes flash) {
        if (e.status() != HttpStatus.CONFLICT) {
            throw e;
        }
        flash.addFlashAttribute("problem", "未完成：" + Chinese.of(e.getMessage()) + "。");
    }

    private static SideForm form(SideForm refused, String name) {
        return refused != null && refused.name().equals(name) ? refused : SideForm.empty(name);
    }

    private static Map<String, String> values(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return values;
    }

    /** What a completed task's form submitted, with the form's labels, in the form's order. */
    private static List<Result> results(CamundaForm form, Map<String, Object> submitted) {
        List<Result> results = new ArrayList<>();
        if (form != null) {
            for (CamundaForm.Component field : form.fields()) {
                Object value = submitted.get(field.key());
                if (value != null && field.isInput()) {
                    String text = TaskForm.text(TaskForm.typed(field, value));
                    results.add(new Result(field.label() == null ? field.key() : field.label(),
                            "checkbox".equals(field.type()) ? ("true".equals(text) ? "是" : "否")
                                    : field.optionLabel(text)));
                }
            }
        }
        if (results.isEmpty()) {
            TaskDetails.OUTCOME_VARIABLES.forEach(name -> {
                if (submitted.get(name) != null) {
                    results.add(new Result(name, submitted.get(name).toString()));
                }
            });
        }
        return results;
    }

    private static String completedMessage(TaskDetail detail) {
        return "该任务已由 " + (detail.completedBy() == null ? "他人" : detail.completedBy()) + " 于 "
                + TaskHistory.time(detail.ended()) + " 办结。";
    }

    private static String holderNote(TaskDetail detail, String user) {
        String assignee = detail.task().assignee();
        if (assignee != null) {
            return "该任务正由 " + assignee + " 办理，您只能查看。";
        }
        return "您没有办理该任务的权限，只能查看。";
    }

    private static ModelAndView redirect(String taskId, String anchor) {
        return new ModelAndView("redirect:/tasks/" + taskId + anchor);
    }
}
