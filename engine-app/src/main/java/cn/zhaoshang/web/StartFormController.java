package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.zhaoshang.appeal.Appeal;
import cn.zhaoshang.appeal.AppealService;
import cn.zhaoshang.incentive.Claim;
import cn.zhaoshang.incentive.ClaimRequest;
import cn.zhaoshang.incentive.IncentiveClaims;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.lead.LeadReport;
import cn.zhaoshang.lead.LeadService;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.unit.UnitMapper;
import cn.zhaoshang.web.StartForms.Startable;

/**
 * 报送线索 (tongcheng §19: a town, park or outside office reports a lead) and 登记企业诉求 (chenzhou §15, tongcheng §22)
 * in the workbench: the start forms of the two processes, rendered on the server like a task's form, handed to the same
 * services as {@code POST /api/leads} and {@code POST /api/appeals}. The rules stay in the processes' registration
 * (RegisterLeadDelegate: required facts, one's own unit; RegisterAppealDelegate), so a refusal comes back next to the
 * field with the values as typed, and nothing is started.
 */
@Controller
class StartFormController {

    private static final String REFUSED = "未提交：请按提示改正后再提交。";

    private final StartForms startForms;
    private final LeadService leads;
    private final AppealService appeals;
    private final UnitMapper units;
    private final ProjectMapper projects;
    private final ObjectMapper json;
    private final Visibility visibility;
    private final IncentiveClaims incentives;

    StartFormController(StartForms startForms, LeadService leads, AppealService appeals, UnitMapper units,
            ProjectMapper projects, ObjectMapper json, Visibility visibility, IncentiveClaims incentives) {
        this.visibility = visibility;
        this.incentives = incentives;
        this.startForms = startForms;
        this.leads = leads;
        this.appeals = appeals;
        this.units = units;
        this.projects = projects;
        this.json = json;
    }

    @GetMapping("/leads/new")
    ModelAndView leadForm(Authentication caller) {
        Map<String, Object> defaults = new HashMap<>();
        // the attribution of the lead is the reporter's own unit (ReportingUnits); the center picks one
        units.findUnitOfUser(caller.getName()).ifPresent(unit -> defaults.put("reportingUnit", unit.code()));
        StartPage start = open(Startable.LEAD);
        return page(start, TaskForm.initial(json, start.form(), defaults), null, HttpStatus.OK);
    }

    @PostMapping("/leads/new")
    ModelAndView reportLead(HttpServletRequest request, RedirectAttributes flash) {
        return submit(Startable.LEAD, request, flash, body -> {
            LeadService.Reported reported = leads.report(json.treeToValue(body, LeadReport.class));
            return new Registered("已报送线索（编号 " + reported.leadId() + "），当前状态：" + reported.status().label()
                    + "。办理进展和征询意见都会记入下面的台账。", "/ledger/leads/" + reported.leadId());
        });
    }

    @GetMapping("/appeals/new")
    ModelAndView appealForm(@RequestParam(required = false) Long projectId) {
        Map<String, Object> defaults = new HashMap<>();
        if (projectId != null) {
            // from a project's page: the appeal is about that project and its company (one the caller may read)
            projects.findById(projectId).filter(project -> visibility.canSeeProject(project.getId()))
                    .ifPresent(project -> {
                        defaults.put("projectId", BigDecimal.valueOf(project.getId()));
                        defaults.put("companyName", project.getCompanyName());
                    });
        }
        StartPage start = open(Startable.APPEAL);
        return page(start, TaskForm.initial(json, start.form(), defaults), null, HttpStatus.OK);
    }

    @PostMapping("/appeals/new")
    ModelAndView registerAppeal(HttpServletRequest request, RedirectAttributes flash) {
        return submit(Startable.APPEAL, request, flash, body -> {
            Appeal appeal = appeals.submit(projectId(body), text(body, "companyName"), text(body, "kind"),
                    text(body, "subject"), text(body, "opinion"));
            return new Registered("已登记企业诉求（编号 " + appeal.id() + "）：" + appeal.subject()
                    + "。投资促进中心受理后交办部门，答复期限 " + appeal.answerDueOn() + "（收到之日起 7 个工作日）。", "/tasks");
        });
    }

    @GetMapping("/incentives/new")
    ModelAndView incentiveForm(@RequestParam(required = false) Long projectId) {
        Map<String, Object> defaults = new HashMap<>();
        if (projectId != null && visibility.canSeeProject(projectId)) {
            defaults.put("projectId", BigDecimal.valueOf(projectId));
        }
        StartPage start = open(Startable.INCENTIVE);
        return page(start, TaskForm.initial(json, start.form(), defaults), null, HttpStatus.OK);
    }

    /** 登记奖励申报: the same service as POST /api/incentive-claims (a held basis is the error page's 409). */
    @PostMapping("/incentives/new")
    ModelAndView registerIncentiveClaim(HttpServletRequest request, RedirectAttributes flash) {
        return submit(Startable.INCENTIVE, request, flash, body -> {
            Claim claim = incentives.submit(new ClaimRequest(text(body, "awardType"), projectId(body),
                    text(body, "claimantName"), body.hasNonNull("awardYear") ? body.get("awardYear").asInt() : null,
                    decimal(body, "claimedPaidInUsdWan"), decimal(body, "exchangeRate"), text(body, "claimNote")));
            return new Registered("已登记奖励申报（编号 " + claim.id() + "）：" + claim.awardTypeLabel() + "，"
                    + claim.claimantName() + "。投资促进中心对照台账核实后，按奖励标准计算金额并报财政审批。",
                    "/incentives/" + claim.id());
        });
    }

    /** What a start form registered: the notice the next page shows, and that page. */
    private record Registered(String notice, String path) {
    }

    @FunctionalInterface
    private interface Registration {
        Registered register(ObjectNode body) throws JsonProcessingException;
    }

    /**
     * Submits a start form: input the form or the service refuses goes back onto the form with its messages; what
     * was registered redirects with its notice.
     */
    private ModelAndView submit(Startable process, HttpServletRequest request, RedirectAttributes flash,
            Registration registration) {
        StartPage start = open(process);
        TaskForm submitted = TaskForm.submitted(json, start.form(), Map.of(), request.getParameterMap());
        if (submitted.hasErrors()) {
            return page(start, submitted, REFUSED, HttpStatus.BAD_REQUEST);
        }
        Registered registered;
        try {
            registered = registration.register(submitted.body());
        } catch (ApiException e) {
            return refusedOrThrow(start, submitted, e);
        } catch (JsonProcessingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_INPUT",
                    "表单内容无法读取，请重新填写 / The form could not be read");
        } catch (RuntimeException e) {
            if (ApiException.fromEngine(e) instanceof ApiException refused) {
                return refusedOrThrow(start, submitted, refused);
            }
            throw e;
        }
        flash.addFlashAttribute("notice", registered.notice());
        return new ModelAndView("redirect:" + registered.path());
    }

    private record StartPage(Startable process, ProcessDefinition definition, CamundaForm form) {
    }

    private StartPage open(Startable process) {
        ProcessDefinition definition = startForms.startable(process).orElseThrow(() -> ApiException.forbidden(
                "您没有" + process.title() + "的权限，请联系系统管理员 / You may not start " + process.processKey));
        CamundaForm form = startForms.form(definition).orElseThrow(() -> ApiException.conflict("NO_START_FORM",
                "当前流程版本没有可在工作台填写的表单，请在 Camunda Tasklist 中办理 / The process has no start form"));
        return new StartPage(process, definition, form);
    }

    private ModelAndView page(StartPage start, TaskForm state, String problem, HttpStatus status) {
        ModelAndView page = new ModelAndView("start/form");
        page.setStatus(status);
        page.addObject("title", start.process().title());
        page.addObject("action", start.process().path());
        page.addObject("lead", start.process() == Startable.LEAD);
        page.addObject("incentive", start.process() == Startable.INCENTIVE);
        page.addObject("fields", state.view(false));
        page.addObject("formErrors", state.formErrors());
        page.addObject("focus", state.firstErrorId());
        if (problem != null) {
            page.addObject("problem", problem);
        }
        return page;
    }

    /** A refusal with field messages goes back onto the form; anything else is the error page's. */
    private ModelAndView refusedOrThrow(StartPage start, TaskForm submitted, ApiException e) {
        List<FieldError> errors = e.toBody().errors();
        if (e.status() == HttpStatus.BAD_REQUEST && errors != null && !errors.isEmpty()) {
            submitted.refuse(errors);
            return page(start, submitted, REFUSED, HttpStatus.BAD_REQUEST);
        }
        throw e;
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.decimalValue();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The form's number field as the id it is; a fraction never names a project. */
    private static Long projectId(JsonNode body) {
        JsonNode value = body.get("projectId");
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal number = value.decimalValue();
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.validation(
                    List.of(new FieldError("projectId", "项目编号应为整数 / projectId must be a whole number")));
        }
    }
}
