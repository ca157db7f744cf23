package cn.zhaoshang.ledger;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.cursor.Cursor;

/** The 项目台账 query over leads and projects; the statements are in LedgerListMapper.xml. */
@Mapper
public interface LedgerListMapper {

    /** One page of rows (every row when {@code limit} is null), filtered and sorted. */
    List<LedgerRow> find(LedgerQuery query);

    /** The same rows streamed, for the export (needs an open transaction while it is read). */
    Cursor<LedgerRow> stream(LedgerQuery query);

    /** How many rows the filter matches, for paging. */
    long count(LedgerQuery query);
}
