package cn.zhaoshang.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Table {@code unit_criticism}. */
@Mapper
public interface CriticismMapper {

    @Insert("""
            INSERT INTO unit_criticism (unit_code, criticised_on, document_number, reason, recorded_by, recorded_at)
            VALUES (#{unitCode}, #{criticisedOn}, #{documentNumber}, #{reason}, #{recordedBy}, #{recordedAt})""")
    void insert(@Param("unitCode") String unitCode, @Param("criticisedOn") LocalDate criticisedOn,
            @Param("documentNumber") String documentNumber, @Param("reason") String reason,
            @Param("recordedBy") String recordedBy, @Param("recordedAt") Instant recordedAt);

    @Select("""
            SELECT * FROM unit_criticism WHERE criticised_on >= #{from} AND criticised_on <= #{to}
             ORDER BY criticised_on DESC, id DESC""")
    List<Criticism> findBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("SELECT * FROM unit_criticism WHERE unit_code = #{unitCode} AND document_number = #{documentNumber}")
    List<Criticism> find(@Param("unitCode") String unitCode, @Param("documentNumber") String documentNumber);
}
