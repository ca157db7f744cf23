package cn.zhaoshang.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
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
import org.springframework.web.bind.annotation.PutMapping;
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
    private final OfficeVisits visits;
    private final Documents documents;
    private final AssessmentRequests requests;
    private final OfficePostings postings;
    private final Criticisms criticisms;

    AssessmentController(AssessmentMapper mapper, OfficeMapper officeMapper, OutsideOffices offices, UnitMapper units,
            Visibility visibility, RuntimeService runtimeService, IdentityService identityService,
            OfficeVisits visits, Documents documents, AssessmentRequests requests, OfficePostings postings,
            Criticisms criticisms) {
        this.criticisms = criticisms;
        this.requests = requests;
        this.postings = postings;
        this.visits = visits;
        this.documents = documents;
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
        AssessmentDocument notice = requests.issueNotice(body.period());
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
        requests.assessYear(body.year());
        return ResponseEntity.status(HttpStatus.CREATED).body(annualReports(body.year()));
    }

    /** A notice for anyone logged in; an annual report for its unit and the county-wide roles. */
    @GetMapping(path = "/api/assessment/documents/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> download(@PathVariable long id) {
        AssessmentDocument document = documents.readable(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(documents.content(id));
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

    // ---- 被批评通报

    /** The year's criticisms: a unit reads its own, the county-wide roles all. */
    @GetMapping(path = "/api/assessment/criticisms", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Criticism> criticisms(@RequestParam(required = false) Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw ApiException.validation(List.of(new FieldError("year", "年度须在 2000–2100 之间 / year must be between "
                    + "2000 and 2100")));
        }
        return criticisms.ofYear(year == null ? EngineClock.today().getYear() : year);
    }

    /** The center (the leading group's office) or the supervision office records a criticism: 一票否优 that year. */
    @PostMapping(path = "/api/assessment/criticisms", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Criticism> criticise(@RequestBody Criticisms.Entry body, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(criticisms.record(body, caller.getName()));
    }

    // ---- outside offices

    @GetMapping(path = "/api/offices", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OutsideOffices.Month> officeMonth(@RequestParam(required = false) String month) {
        return offices.month(AssessmentMonth.parse(month));
    }

    @GetMapping(path = "/api/offices/{unitCode}/visits", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OfficeMapper.Visit> visits(@PathVariable String unitCode, @RequestParam(required = false) String month) {
        visits.office(unitCode, false);
        YearMonth m = AssessmentMonth.parse(month);
        return officeMapper.findVisits(unitCode, m.atDay(1), m.atEndOfMonth());
    }

    /** 走访企业 logged by the office's own staff (or the center). */
    @PostMapping(path = "/api/offices/{unitCode}/visits", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> logVisit(@PathVariable String unitCode, @RequestBody OfficeVisits.Entry body,
            Authentication caller) {
        LocalDate day = visits.log(unitCode, body, caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("unitCode", unitCode, "visitedOn", day.toString(),
                "visitsThisMonth", officeMapper.countVisits(unitCode, YearMonth.from(day).atDay(1),
                        YearMonth.from(day).atEndOfMonth())));
    }

    /** The office's region and posting dates (the investment center or an administrator). */
    @PutMapping(path = "/api/offices/{unitCode}/posting", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    OfficeMapper.Office setPosting(@PathVariable String unitCode, @RequestBody OfficePostings.Posting body) {
        return postings.set(unitCode, body);
    }
}
