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

@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    private final TaskActionService tasks;

    TaskController(TaskActionService tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    List<TaskView> list(@RequestParam(defaultValue = "mine") String scope, Principal user) {
        return tasks.list(scope, user.getName());
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
}
