package cn.zhaoshang.ledger;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface FunnelMapper {

    /** One row per reporting unit; the statement is in FunnelMapper.xml. */
    List<FunnelRow> countByUnit(@Param("unit") String unit, @Param("from") Instant from, @Param("before") Instant before);
}
