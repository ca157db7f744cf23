package cn.zhaoshang.appeal;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;

/** 企业诉求/投诉: an official records an enterprise's request or complaint; it is accepted, assigned and answered. */
@RestController
@RequestMapping(path = "/api/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
class AppealController {

    private final AppealService appealService;
    private final AppealMapper appeals;
    private final LedgerEventMapper events;
    private final Visibility visibility;

    AppealController(AppealService appealService, AppealMapper appeals, LedgerEventMapper events,
            Visibility visibility) {
        this.visibility = visibility;
        this.appealService = appealService;
        this.appeals = appeals;
        this.events = events;
    }

    record AppealBody(Long projectId, String companyName, String kind, String subject, String content) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Appeal> submit(@RequestBody AppealBody body) {
        // a project the caller may not read is answered as one that does not exist (the registration's own check)
        if (body.projectId() != null && !visibility.canSeeProject(body.projectId())) {
            throw ApiException.validation(List.of(new FieldError("projectId", "关联项目 " + body.projectId()
                    + " 不存在 / project " + body.projectId() + " not found")));
        }
        try {
            Appeal appeal = appealService.submit(body.projectId(), body.companyName(), body.kind(), body.subject(),
                    body.content());
            return ResponseEntity.created(URI.create("/api/appeals/" + appeal.id())).body(appeal);
        } catch (RuntimeException e) {
            throw ApiException.fromEngine(e);
        }
    }

    /** The appeal with its answer deadline and its ledger (escalation, 督办意见); 404 outside the caller's scope. */
    @GetMapping("/{id}")
    AppealDetail get(@PathVariable long id) {
        visibility.requireAppeal(id);
        Appeal appeal = appeals.findById(id)
                .orElseThrow(() -> ApiException.notFound("诉求 " + id + " 不存在 / Appeal " + id + " not found"));
        return new AppealDetail(appeal, events.findByAppealId(id));
    }

    record AppealDetail(@JsonUnwrapped Appeal appeal, List<LedgerEvent> ledger) {
    }

}
