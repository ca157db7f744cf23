package cn.zhaoshang.appeal;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
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

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.system.ApiException;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/** 企业诉求/投诉: an official records an enterprise's request or complaint; it is accepted, assigned and answered. */
@RestController
@RequestMapping(path = "/api/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
class AppealController {

    private final RuntimeService runtimeService;
    private final AppealMapper appeals;
    private final LedgerEventMapper events;

    AppealController(RuntimeService runtimeService, AppealMapper appeals, LedgerEventMapper events) {
        this.runtimeService = runtimeService;
        this.appeals = appeals;
        this.events = events;
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

    /** The appeal with its answer deadline and its ledger (escalation, 督办意见). */
    @GetMapping("/{id}")
    AppealDetail get(@PathVariable long id) {
        Appeal appeal = appeals.findById(id)
                .orElseThrow(() -> ApiException.notFound("诉求 " + id + " 不存在 / Appeal " + id + " not found"));
        return new AppealDetail(appeal, events.findByAppealId(id));
    }

    record AppealDetail(@JsonUnwrapped Appeal appeal, List<LedgerEvent> ledger) {
    }

}
