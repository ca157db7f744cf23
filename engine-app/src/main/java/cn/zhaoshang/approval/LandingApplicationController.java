package cn.zhaoshang.approval;

import java.net.URI;
import java.security.Principal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/landing-applications", produces = MediaType.APPLICATION_JSON_VALUE)
class LandingApplicationController {

    private final LandingApplicationService service;

    LandingApplicationController(LandingApplicationService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LandingApplicationService.Submitted> submit(@RequestBody LandingApplicationSubmission submission,
            Principal user) {
        LandingApplicationService.Submitted submitted = service.submit(submission, user.getName());
        return ResponseEntity.created(URI.create("/api/projects/" + submitted.projectId())).body(submitted);
    }
}
