package cn.zhaoshang.assessment;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiException;

/**
 * Who reads which generated document: a monthly notice every unit (tongcheng §26 通报, xuancheng-2019 §四.1 排行榜), an
 * annual report its own unit and the county-wide roles; anything else is answered as not existing (404).
 */
@Component
public class Documents {

    private final AssessmentMapper mapper;
    private final Visibility visibility;

    Documents(AssessmentMapper mapper, Visibility visibility) {
        this.mapper = mapper;
        this.visibility = visibility;
    }

    public AssessmentDocument readable(long id) {
        AssessmentDocument document = mapper.findDocument(id).orElse(null);
        DataScope scope = visibility.scope();
        if (document == null || (!document.unitCode().isEmpty() && !scope.countyWide()
                && !document.unitCode().equals(scope.unit()))) {
            throw ApiException.notFound("文档 " + id + " 不存在 / Document " + id + " not found");
        }
        return document;
    }

    public byte[] content(long id) {
        readable(id);
        return mapper.documentContent(id).content();
    }

    public List<AssessmentDocument> notices() {
        return mapper.findDocuments(Assessment.NOTICE_DOCUMENT, 120);
    }

    /** The annual reports the caller may read, of {@code year} (all years when null). */
    public List<AssessmentDocument> annualReports(Integer year) {
        DataScope scope = visibility.scope();
        return mapper.findDocuments(Assessment.ANNUAL_DOCUMENT, 2000).stream()
                .filter(d -> year == null || d.period().equals(String.valueOf(year)))
                .filter(d -> scope.countyWide() || d.unitCode().equals(scope.unit())).toList();
    }
}
