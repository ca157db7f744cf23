package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zhaoshang.assessment.AssessmentAction;
import cn.zhaoshang.assessment.AssessmentDocument;
import cn.zhaoshang.assessment.AssessmentMapper;
import cn.zhaoshang.assessment.AssessmentMonth;
import cn.zhaoshang.assessment.AssessmentRequests;
import cn.zhaoshang.assessment.Criticism;
import cn.zhaoshang.assessment.Criticisms;
import cn.zhaoshang.assessment.Documents;
import cn.zhaoshang.assessment.OfficeMapper;
import cn.zhaoshang.assessment.OfficePostings;
import cn.zhaoshang.assessment.OfficeVisits;
import cn.zhaoshang.assessment.OutsideOffices;
import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.target.Contribution;
import cn.zhaoshang.target.FundsService;
import cn.zhaoshang.target.Progress;
import cn.zhaoshang.target.TargetMapper;
import cn.zhaoshang.target.TargetMetric;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.UnitMapper;

/**
 * 目标考核 (/assessment): each unit's progress towards its annual targets computed from the ledger, with the projects
 * behind every figure; the ranking (排行榜) and the monthly notices for every unit; interviews, 离岗招商 orders and
 * annual reports of one's own unit (all of them for the county-wide roles); the outside offices' monthly figures and
 * visit log; the carrier's funds-in-place form. The same services and data scope as the REST API.
 */
@Controller
class AssessmentPageController {

    private final Progress progress;
    private final TargetMapper targets;
    private final AssessmentMapper assessments;
    private final Documents documents;
    private final OutsideOffices offices;
    private final OfficeMapper officeMapper;
    private final OfficeVisits visits;
    private final FundsService funds;
    private final UnitMapper units;
    private final Visibility visibility;
    private final AssessmentRequests requests;
    private final OfficePostings postings;
    private final Criticisms criticisms;

    AssessmentPageController(Progress progress, TargetMapper targets, AssessmentMapper assessments, Documents documents,
            OutsideOffices offices, OfficeMapper officeMapper, OfficeVisits visits, FundsService funds, UnitMapper units,
            Visibility visibility, AssessmentRequests requests, OfficePostings postings, Criticisms criticisms) {
        this.criticisms = criticisms;
        this.requests = requests;
        this.postings = postings;
        this.progress = progress;
        this.targets = targets;
        this.assessments = assessments;
        this.documents = documents;
        this.offices = offices;
        this.officeMapper = officeMapper;
        this.visits = visits;
        this.funds = funds;
        this.units = units;
        this.visibility = visibility;
    }

    @GetMapping("/assessment")
    @Transactional(readOnly = true)
    String index(@RequestParam(required = false) String year, @RequestParam(required = false) String metric,
            Model model) {
        int y = year(year);
        List<TargetMetric> metrics = targets.findMetrics().stream().filter(TargetMetric::active).toList();
        String rankMetric = metric != null && metrics.stream().anyMatch(m -> m.code().equals(metric)) ? metric
                : "SIGNED_PROJECTS";
        LocalDate asOf = EngineClock.today().getYear() > y ? LocalDate.of(y, 12, 31) : EngineClock.today();
        DataScope scope = visibility.scope();
        List<Progress.Figure> figures = progress.figures(y, asOf, null).stream()
                .filter(f -> scope.countyWide() || f.unitCode().isEmpty() || f.unitCode().equals(scope.unit())).toList();
        Map<String, List<Progress.Figure>> byMetric = figures.stream()
                .collect(Collectors.groupingBy(Progress.Figure::metricName, LinkedHashMap::new, Collectors.toList()));
        List<AssessmentAction> actions = assessments.findActions(y).stream()
                .filter(a -> scope.countyWide() || a.unitCode().equals(scope.unit())).toList();
        Map<String, String> unitNames = units.findAll().stream().collect(Collectors.toMap(Unit::code, Unit::name));
        model.addAttribute("year", y);
        model.addAttribute("asOf", asOf);
        model.addAttribute("metrics", metrics);
        model.addAttribute("rankMetric", rankMetric);
        model.addAttribute("byMetric", byMetric);
        model.addAttribute("ranking", progress.ranking(y, asOf, rankMetric));
        model.addAttribute("notices", documents.notices());
        model.addAttribute("reports", documents.annualReports(y));
        model.addAttribute("actions", actions);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("offices", offices.month(YearMonth.from(EngineClock.today())));
        model.addAttribute("countyWide", scope.countyWide());
        model.addAttribute("unitName", scope.unitName());
        model.addAttribute("criticisms", criticisms.ofYear(y));
        boolean records = scope.groups().contains(Groups.INVESTMENT_CENTER) || scope.groups().contains(Groups.SUPERVISION);
        model.addAttribute("recordsCriticisms", records);
        if (records) {
            model.addAttribute("criticisableUnits", units.findAll().stream()
                    .filter(u -> u.active() && !UnitKind.CENTER.name().equals(u.kind())).toList());
        }
        return "assessment/index";
    }

    @GetMapping("/assessment/projects")
    @Transactional(readOnly = true)
    String projects(@RequestParam(required = false) String year, @RequestParam String metric,
            @RequestParam(required = false, defaultValue = "") String unit, Model model) {
        DataScope scope = visibility.scope();
        if (!scope.countyWide() && !unit.equals(scope.unit())) {
            throw ApiException.forbidden("只能查看本单位完成情况所依据的项目 / A unit reads the projects behind its own figures");
        }
        int y = year(year);
        TargetMetric m = targets.findMetric(metric).orElseThrow(() -> ApiException.notFound("指标 " + metric
                + " 不存在 / Metric " + metric + " not found"));
        LocalDate asOf = EngineClock.today().getYear() > y ? LocalDate.of(y, 12, 31) : EngineClock.today();
        List<Contribution> rows = progress.projects(y, asOf, m, unit);
        model.addAttribute("year", y);
        model.addAttribute("asOf", asOf);
        model.addAttribute("metric", m);
        model.addAttribute("unitLabel", unit.isEmpty() ? "全县" : units.findByCode(unit).map(Unit::name).orElse(unit));
        model.addAttribute("rows", rows);
        model.addAttribute("total", Progress.plain(rows.stream().map(Contribution::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add)));
        return "assessment/projects";
    }

    @GetMapping("/assessment/documents/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> download(@PathVariable long id) {
        AssessmentDocument document = documents.readable(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(documents.content(id));
    }

    /** The center issues (or reissues) a month's notice now. */
    @PostMapping("/assessment/notices")
    String issueNotice(@RequestParam(required = false) String period, Authentication caller, RedirectAttributes flash) {
        Callers.requireAnyGroup(caller, "只有投资促进中心可以印发月通报 / Only the investment center issues notices",
                Groups.INVESTMENT_CENTER);
        AssessmentDocument notice = requests.issueNotice(period);
        flash.addFlashAttribute("notice", "已生成：" + notice.title());
        return "redirect:/assessment";
    }

    // ---- funds in place (the carrier)

    @GetMapping("/assessment/funds")
    String fundsForm(@RequestParam(required = false) Long project, Model model) {
        model.addAttribute("project", project);
        if (project != null) {
            model.addAttribute("entries", funds.of(project));
        }
        return "assessment/funds";
    }

    @PostMapping("/assessment/funds")
    String recordFunds(@RequestParam(required = false) String project, @RequestParam(required = false) String amountWan,
            @RequestParam(required = false) String inPlaceOn, @RequestParam(required = false) String evidence,
            Authentication caller, RedirectAttributes flash) {
        Callers.requireAnyGroup(caller, "只有落户载体或投资促进中心可以登记到位资金 / Only the carrier or the investment center",
                Groups.CARRIER, Groups.INVESTMENT_CENTER);
        Map<String, String> errors = new LinkedHashMap<>();
        long projectId = 0;
        try {
            projectId = Long.parseLong(project == null ? "" : project.strip());
        } catch (NumberFormatException e) {
            errors.put("project", "请填写项目编号");
        }
        BigDecimal amount = null;
        try {
            amount = new BigDecimal(amountWan == null ? "" : amountWan.strip());
        } catch (NumberFormatException e) {
            errors.put("amountWan", "请填写到位资金（万元）");
        }
        if (errors.isEmpty()) {
            List<FieldError> dateErrors = new java.util.ArrayList<>();
            LocalDate day = FormValues.date(inPlaceOn, "inPlaceOn", dateErrors);
            dateErrors.forEach(e -> errors.put(e.field(), e.message()));
            if (errors.isEmpty()) {
                try {
                    funds.record(projectId, new FundsService.Entry(amount, day, evidence), caller.getName(),
                            Callers.inAnyGroup(caller, Groups.INVESTMENT_CENTER));
                    flash.addFlashAttribute("notice", "已登记项目 " + projectId + " 的到位资金 " + Progress.plain(amount)
                            .toPlainString() + " 万元（" + day + "）。");
                    return "redirect:/assessment/funds?project=" + projectId;
                } catch (ApiException e) {
                    if (e.toBody().errors() == null || e.toBody().errors().isEmpty()) {
                        throw e;
                    }
                    e.toBody().errors().forEach(fe -> errors.put(fe.field(), fe.message()));
                }
            }
        }
        flash.addFlashAttribute("errors", errors);
        flash.addFlashAttribute("values", FlashValues.of("amountWan", amountWan, "inPlaceOn", inPlaceOn, "evidence",
                evidence));
        return "redirect:/assessment/funds" + (projectId > 0 ? "?project=" + projectId : "");
    }

    // ---- outside offices

    @GetMapping("/assessment/offices")
    @Transactional(readOnly = true)
    String officesPage(@RequestParam(required = false) String month, Model model) {
        YearMonth m = AssessmentMonth.parse(month);
        DataScope scope = visibility.scope();
        model.addAttribute("month", m);
        model.addAttribute("offices", offices.month(m));
        boolean ownOffice = scope.unit() != null && units.findByCode(scope.unit())
                .filter(u -> "OUTSIDE_OFFICE".equals(u.kind())).isPresent();
        model.addAttribute("ownOffice", ownOffice ? scope.unit() : null);
        model.addAttribute("setsPostings", scope.groups().contains(Groups.INVESTMENT_CENTER)
                || scope.groups().contains(Groups.ADMIN));
        if (ownOffice) {
            model.addAttribute("visits", officeMapper.findVisits(scope.unit(), m.atDay(1), m.atEndOfMonth()));
        }
        return "assessment/offices";
    }

    @PostMapping("/assessment/offices/visits")
    String logVisit(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String visitedOn,
            @RequestParam(required = false) String companyName, @RequestParam(required = false) String contactPerson,
            @RequestParam(required = false) String place, @RequestParam(required = false) String summary,
            Authentication caller, RedirectAttributes flash) {
        try {
            LocalDate day = visits.log(unitCode == null ? "" : unitCode, new OfficeVisits.Entry(visitedOn, companyName,
                    contactPerson, place, summary), caller.getName());
            flash.addFlashAttribute("notice", "已登记 " + day + " 走访" + companyName.strip() + "。");
            return "redirect:/assessment/offices?month=" + YearMonth.from(day);
        } catch (ApiException e) {
            if (e.toBody().errors() == null || e.toBody().errors().isEmpty()) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            e.toBody().errors().forEach(fe -> errors.put(fe.field(), fe.message()));
            flash.addFlashAttribute("errors", errors);
            flash.addFlashAttribute("values", FlashValues.of("visitedOn", visitedOn, "companyName", companyName,
                    "summary", summary));
            return "redirect:/assessment/offices";
        }
    }

    /** 被批评通报 recorded by the center or the supervision office (the same service as POST /api/assessment/criticisms). */
    @PostMapping("/assessment/criticisms")
    String criticise(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String criticisedOn,
            @RequestParam(required = false) String documentNumber, @RequestParam(required = false) String reason,
            Authentication caller, RedirectAttributes flash) {
        try {
            Criticism c = criticisms.record(new Criticisms.Entry(unitCode, criticisedOn, documentNumber, reason),
                    caller.getName());
            flash.addFlashAttribute("notice", "已登记批评通报 " + c.documentNumber() + "：" + units.findByCode(c.unitCode())
                    .map(Unit::name).orElse(c.unitCode()) + " " + c.criticisedOn().getYear() + " 年度综合考评一票否优。");
            return "redirect:/assessment?year=" + c.criticisedOn().getYear() + "#h-criticisms";
        } catch (ApiException e) {
            if (e.toBody().errors() == null || e.toBody().errors().isEmpty()) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            e.toBody().errors().forEach(fe -> errors.put(fe.field(), fe.message()));
            flash.addFlashAttribute("criticismErrors", errors);
            flash.addFlashAttribute("criticismValues", FlashValues.of("unitCode", unitCode, "criticisedOn",
                    criticisedOn, "documentNumber", documentNumber, "reason", reason));
            return "redirect:/assessment#h-criticisms";
        }
    }

    /** The center sets an office's region and posting dates (the same service as PUT /api/offices/{unit}/posting). */
    @PostMapping("/assessment/offices/posting")
    String setPosting(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String region,
            @RequestParam(required = false) String postedFrom, @RequestParam(required = false) String postedUntil,
            RedirectAttributes flash) {
        try {
            OfficeMapper.Office office = postings.set(unitCode == null ? "" : unitCode.strip(),
                    new OfficePostings.Posting(region, postedFrom, postedUntil));
            flash.addFlashAttribute("notice", "已设置" + units.findByCode(office.unitCode()).map(Unit::name)
                    .orElse(office.unitCode()) + "驻点：" + office.region() + "，" + office.postedFrom() + " 起"
                    + (office.postedUntil() == null ? "" : "，" + office.postedUntil() + " 撤点") + "。");
        } catch (ApiException e) {
            if (e.toBody().errors() == null || e.toBody().errors().isEmpty()) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            e.toBody().errors().forEach(fe -> errors.put(fe.field(), fe.message()));
            flash.addFlashAttribute("postingErrors", errors);
            flash.addFlashAttribute("postingValues", FlashValues.of("unitCode", unitCode, "region", region,
                    "postedFrom", postedFrom, "postedUntil", postedUntil));
        }
        return "redirect:/assessment/offices";
    }

    static int year(String year) {
        if (year == null || year.isBlank()) {
            return EngineClock.today().getYear();
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.validation(List.of(new FieldError("year", "年度须在 2000–2100 之间 / year must be between 2000 "
                + "and 2100")));
    }
}
