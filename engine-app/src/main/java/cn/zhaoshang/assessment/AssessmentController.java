package cn.zhaoshang.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.system.WithoutAuthorization;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.UnitMapper;

/**
 * The assessment calendar through REST: monthly notices (every unit reads and downloads them), interviews and 离岗招商
 * orders, annual reports, quarterly dispatches, and the outside offices' visit logs and monthly figures. A unit reads
 * its own actions and report; the county-wide roles read everything (security/Visibility).
 */
@RestController
class AssessmentController {

    private final AssessmentMapper mapper;
    private final OfficeMapper officeMapper;
    private final OutsideOffices offices;
    private final UnitMapper units;
    private final Visibility visibility;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    AssessmentController(AssessmentMapper mapper, OfficeMapper officeMapper, OutsideOffices offices, UnitMapper units,
            Visibility visibility, RuntimeService runtimeService, IdentityService identityService) {
        this.mapper = mapper;
        this.officeMapper = officeMapper;
        this.offices = offices;
        this.units = units;
        this.visibility = visibility;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    // ---- documents

    @GetMapping(path = "/api/assessment/notices", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AssessmentDocument> notices() {
        return mapper.findDocuments(Assessment.NOTICE_DOCUMENT, 120);
    }

    record PeriodBody(String period, Integer year) {
    }

    /** The center issues (or reissues) a month's notice now: Process_MonthlyNotice by its message start event. */
    @PostMapping(path = "/api/assessment/notices", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AssessmentDocument> issueNotice(@RequestBody PeriodBody body, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有投资促进中心可以印发月通报 / Only the investment center issues notices",
                Groups.INVESTMENT_CENTER);
        YearMonth month;
        try {
            month = body.period() == null ? YearMonth.from(EngineClock.today()).minusMonths(1) : YearMonth.parse(body.period());
        } catch (DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldError("period", "月份格式应为 YYYY-MM / period: YYYY-MM")));
        }
        if (month.getYear() < 2000 || month.isAfter(YearMonth.from(EngineClock.today()))) {
            throw ApiException.validation(List.of(new FieldError("period", "月份不能晚于本月 / period is in the future")));
        }
        WithoutAuthorization.run(identityService, () -> runtimeService
                .createMessageCorrelation(Assessment.MESSAGE_NOTICE_REQUESTED)
                .setVariable(Assessment.Var.PERIOD, month.toString()).correlateStartMessage());
        AssessmentDocument notice = mapper.findDocuments(Assessment.NOTICE_DOCUMENT, 500).stream()
                .filter(d -> d.period().equals(month.toString())).findFirst().orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(notice);
    }

    @GetMapping(path = "/api/assessment/annual-reports", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AssessmentDocument> annualReports(@RequestParam(required = false) Integer year) {
        DataScope scope = visibility.scope();
        return mapper.findDocuments(Assessment.ANNUAL_DOCUMENT, 2000).stream()
                .filter(d -> year == null || d.period().equals(String.valueOf(year)))
                .filter(d -> scope.countyWide() || d.unitCode().equals(scope.unit())).toList();
    }

    @PostMapping(path = "/api/assessment/annual-reports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<AssessmentDocument>> assessYear(@RequestBody PeriodBody body, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有投资促进中心可以生成年度考核报告 / Only the investment center generates the "
                + "annual reports", Groups.INVESTMENT_CENTER);
        int thisYear = EngineClock.today().getYear();
        if (body.year() == null || body.year() < 2000 || body.year() > thisYear) {
            throw ApiException.validation(List.of(new FieldError("year", "请填写不晚于今年的年度 / year: not after this year")));
        }
        WithoutAuthorization.run(identityService, () -> runtimeService
                .createMessageCorrelation(Assessment.MESSAGE_ASSESSMENT_REQUESTED)
                .setVariable(Assessment.Var.YEAR, body.year()).correlateStartMessage());
        return ResponseEntity.status(HttpStatus.CREATED).body(annualReports(body.year()));
    }

    /** A notice for anyone logged in; an annual report for its unit and the county-wide roles. */
    @GetMapping(path = "/api/assessment/documents/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> download(@PathVariable long id) {
        AssessmentDocument document = readable(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(mapper.documentContent(id).content());
    }

    AssessmentDocument readable(long id) {
        AssessmentDocument document = mapper.findDocument(id).orElse(null);
        DataScope scope = visibility.scope();
        if (document == null || (!document.unitCode().isEmpty() && !scope.countyWide()
                && !document.unitCode().equals(scope.unit()))) {
            throw ApiException.notFound("文档 " + id + " 不存在 / Document " + id + " not found");
        }
        return document;
    }

    // ---- actions, dispatches

    @GetMapping(path = "/api/assessment/actions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AssessmentAction> actions(@RequestParam(required = false) Integer year) {
        DataScope scope = visibility.scope();
        int y = year == null ? EngineClock.today().getYear() : year;
        return mapper.findActions(y).stream().filter(a -> scope.countyWide() || a.unitCode().equals(scope.unit())).toList();
    }

    @GetMapping(path = "/api/assessment/dispatches", produces = MediaType.APPLICATION_JSON_VALUE)
    List<QuarterlyDispatchRecord> dispatches() {
        if (!visibility.scope().countyWide()) {
            throw ApiException.forbidden("季度调度记录由县领导和投资促进中心查看 / Dispatches are for the county's leaders");
        }
        return mapper.findDispatches();
    }

    // ---- outside offices

    @GetMapping(path = "/api/offices", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OutsideOffices.Month> officeMonth(@RequestParam(required = false) String month) {
        return offices.month(month(month));
    }

    @GetMapping(path = "/api/offices/{unitCode}/visits", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OfficeMapper.Visit> visits(@PathVariable String unitCode, @RequestParam(required = false) String month) {
        office(unitCode, false);
        YearMonth m = month(month);
        return officeMapper.findVisits(unitCode, m.atDay(1), m.atEndOfMonth());
    }

    record VisitBody(String visitedOn, String companyName, String contactPerson, String place, String summary) {
    }

    /** 走访企业 logged by the office's own staff (or the center). */
    @PostMapping(path = "/api/offices/{unitCode}/visits", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<Map<String, Object>> logVisit(@PathVariable String unitCode, @RequestBody VisitBody body,
            Authentication caller) {
        office(unitCode, true);
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = FormValues.pastDate(body.visitedOn(), "visitedOn", "走访日期", errors);
        if (day == null && errors.isEmpty()) {
            errors.add(new FieldError("visitedOn", "请填写走访日期 / visitedOn is required"));
        }
        FormValues.requireText(errors, "companyName", body.companyName(), 200, "企业名称");
        FormValues.limitText(errors, "contactPerson", body.contactPerson(), 100, "对接人");
        FormValues.limitText(errors, "place", body.place(), 200, "地点");
        FormValues.requireText(errors, "summary", body.summary(), 2000, "走访情况");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        officeMapper.insertVisit(unitCode, day, body.companyName().strip(), FormValues.text(body.contactPerson()),
                FormValues.text(body.place()), body.summary().strip(), caller.getName(), EngineClock.now());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("unitCode", unitCode, "visitedOn", day.toString(),
                "visitsThisMonth", officeMapper.countVisits(unitCode, YearMonth.from(day).atDay(1),
                        YearMonth.from(day).atEndOfMonth())));
    }

    /** The office unit; a unit's staff act on their own office only (the center on any). */
    private Unit office(String unitCode, boolean write) {
        Unit unit = units.findByCode(unitCode).filter(u -> UnitKind.OUTSIDE_OFFICE.name().equals(u.kind()))
                .orElseThrow(() -> ApiException.notFound("驻外招商机构 " + unitCode + " 不存在 / Outside office " + unitCode
                        + " not found"));
        DataScope scope = visibility.scope();
        boolean own = unitCode.equals(scope.unit());
        boolean center = scope.groups().contains(Groups.INVESTMENT_CENTER);
        if (write ? !(own || center) : !(own || scope.countyWide())) {
            throw ApiException.forbidden("只有该驻外招商机构的工作人员或投资促进中心可以" + (write ? "登记" : "查看")
                    + "走访记录 / Only the office's staff or the investment center");
        }
        return unit;
    }

    private static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(EngineClock.today());
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldError("month", "月份格式应为 YYYY-MM / month: YYYY-MM")));
        }
    }
}
