package cn.zhaoshang.appeal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.system.ApiException;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/** 企业诉求/投诉: an official records an enterprise's request or complaint; it is accepted, assigned and answered. */
@RestController
@RequestMapping(path = "/api/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
class AppealController {

    private final RuntimeService runtimeService;
    private final AppealMapper appeals;

    AppealController(RuntimeService runtimeService, AppealMapper appeals) {
        this.runtimeService = runtimeService;
        this.appeals = appeals;
    }

    record AppealBody(Long projectId, String companyName, String kind, String subject, String content) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<Appeal> submit(@RequestBody AppealBody body) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.PROJECT_ID, body.projectId());
        variables.put(Var.COMPANY_NAME, body.companyName());
        variables.put(Var.KIND, body.kind());
        variables.put(Var.SUBJECT, body.subject());
        variables.put(Var.OPINION, body.content());
        try {
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(EnterpriseAppeal.PROCESS_KEY, variables);
            Appeal appeal = appeals.findById(Long.parseLong(instance.getBusinessKey())).orElseThrow();
            return ResponseEntity.created(URI.create("/api/appeals/" + appeal.id())).body(appeal);
        } catch (RuntimeException e) {
            throw ApiException.fromEngine(e);
        }
    }

    @GetMapping("/{id}")
    Appeal get(@PathVariable long id) {
        return appeals.findById(id).orElseThrow(() -> ApiException.notFound("诉求 " + id + " 不存在 / Appeal " + id + " not found"));
    }

}
