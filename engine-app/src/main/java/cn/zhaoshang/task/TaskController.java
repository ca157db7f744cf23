package cn.zhaoshang.task;

import java.security.Principal;
import java.util.List;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.task.TaskRecords.DoneTask;
import cn.zhaoshang.task.TaskRecords.TaskComment;

@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    private final TaskActionService tasks;
    private final TaskDetails details;

    TaskController(TaskActionService tasks, TaskDetails details) {
        this.tasks = tasks;
        this.details = details;
    }

    /** mine | group, with the workbench's filters: process (key), project, unit (code), due, sort. */
    @GetMapping
    List<TaskView> list(@RequestParam(defaultValue = "mine") String scope, @RequestParam(required = false) String process,
            @RequestParam(required = false) String project, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String due, @RequestParam(required = false) String sort, Principal user) {
        return tasks.list(scope, user.getName(), TaskFilter.of(process, project, unit, due, sort));
    }

    /** 已办: the tasks I completed, newest first, with what was decided and the comments. */
    @GetMapping("/done")
    List<DoneTask> done(@RequestParam(required = false) String process, @RequestParam(required = false) String project,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int from,
            @RequestParam(defaultValue = "50") int size, Principal user) {
        return details.done(user.getName(), TaskFilter.of(process, project, unit, null, null), Math.max(0, from),
                Math.min(Math.max(1, size), 200)).tasks();
    }

    @PostMapping("/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String id, Principal user) {
        tasks.claim(id, user.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody JsonNode request, Principal user) {
        tasks.complete(id, request, user.getName());
        return ResponseEntity.noContent().build();
    }

    record Transfer(String assignee, String reason) {
    }

    /** 转办 to a member of the task's candidate group. */
    @PostMapping(path = "/{id}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> transfer(@PathVariable String id, @RequestBody Transfer transfer, Principal user) {
        tasks.transfer(id, user.getName(), transfer.assignee(), transfer.reason());
        return ResponseEntity.noContent().build();
    }

    record Copy(List<String> recipients, String note) {
    }

    /** 抄送: returns who was newly copied. */
    @PostMapping(path = "/{id}/copies", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<String> copy(@PathVariable String id, @RequestBody Copy copy, Principal user) {
        return tasks.copy(id, user.getName(), copy.recipients(), copy.note());
    }

    @GetMapping("/{id}/comments")
    List<TaskComment> comments(@PathVariable String id, Principal user) {
        return details.comments(id, user.getName());
    }

    record NewComment(String message) {
    }

    @PostMapping(path = "/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> comment(@PathVariable String id, @RequestBody NewComment comment, Principal user) {
        tasks.comment(id, user.getName(), comment.message());
        return ResponseEntity.noContent().build();
    }
}
