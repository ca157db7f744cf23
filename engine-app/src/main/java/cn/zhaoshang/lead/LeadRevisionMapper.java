package cn.zhaoshang.lead;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Append-only history of a lead's report. */
@Mapper
public interface LeadRevisionMapper {

    @Insert("""
            INSERT INTO lead_revision (lead_id, version, content, note, revised_by, revised_at)
            VALUES (#{leadId}, #{version}, #{content}, #{note}, #{revisedBy}, #{revisedAt})""")
    void insert(LeadRevision revision);

    @Select("SELECT * FROM lead_revision WHERE lead_id = #{leadId} ORDER BY version")
    List<LeadRevision> findByLeadId(long leadId);
}
