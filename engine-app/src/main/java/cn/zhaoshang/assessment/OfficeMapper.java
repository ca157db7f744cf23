package cn.zhaoshang.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tables {@code outside_office} and {@code office_visit}, and the office's figures from the ledger (OfficeMapper.xml). */
@Mapper
public interface OfficeMapper {

    record Office(String unitCode, String region, LocalDate postedFrom, LocalDate postedUntil) {
    }

    record Visit(long id, String unitCode, LocalDate visitedOn, String companyName, String contactPerson, String place,
            String summary, String recordedBy, Instant recordedAt) {
    }

    @Select("SELECT * FROM outside_office ORDER BY unit_code")
    List<Office> findOffices();

    @Select("SELECT * FROM outside_office WHERE unit_code = #{unitCode}")
    Optional<Office> findOffice(String unitCode);

    @Insert("INSERT INTO outside_office (unit_code, region, posted_from, posted_until) VALUES (#{unitCode}, #{region}, #{postedFrom}, #{postedUntil})")
    void insertOffice(Office office);

    @Update("UPDATE outside_office SET region = #{region}, posted_from = #{postedFrom}, posted_until = #{postedUntil} WHERE unit_code = #{unitCode}")
    int updateOffice(Office office);

    @Insert("""
            INSERT INTO office_visit (unit_code, visited_on, company_name, contact_person, place, summary, recorded_by,
                                      recorded_at)
            VALUES (#{unitCode}, #{visitedOn}, #{companyName}, #{contactPerson}, #{place}, #{summary}, #{recordedBy},
                    #{recordedAt})""")
    void insertVisit(@Param("unitCode") String unitCode, @Param("visitedOn") LocalDate visitedOn,
            @Param("companyName") String companyName, @Param("contactPerson") String contactPerson,
            @Param("place") String place, @Param("summary") String summary, @Param("recordedBy") String recordedBy,
            @Param("recordedAt") Instant recordedAt);

    @Select("""
            SELECT * FROM office_visit WHERE unit_code = #{unitCode} AND visited_on >= #{from} AND visited_on <= #{to}
             ORDER BY visited_on DESC, id DESC""")
    List<Visit> findVisits(@Param("unitCode") String unitCode, @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("SELECT COUNT(*) FROM office_visit WHERE unit_code = #{unitCode} AND visited_on >= #{from} AND visited_on <= #{to}")
    int countVisits(@Param("unitCode") String unitCode, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Leads the unit reported that a research meeting held in [from, to] decided VALID (有效项目线索). */
    int countValidLeads(@Param("unitCode") String unitCode, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Projects of leads the unit reported, signed in [from, to], investment at least {@code minWan} (引荐亿元以上项目). */
    int countBigProjects(@Param("unitCode") String unitCode, @Param("from") LocalDate from, @Param("to") LocalDate to,
            @Param("minWan") BigDecimal minWan);
}
