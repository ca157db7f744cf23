package cn.zhaoshang.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.DatabaseOutage;

/**
 * Failures of the workbench's pages as a Chinese page, never JSON or a stack trace. Ordered before the domain API's
 * handler, which covers every controller of cn.zhaoshang.
 */
@ControllerAdvice(basePackageClasses = WorkbenchErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchErrors {

    private static final Logger log = LoggerFactory.getLogger(WorkbenchErrors.class);

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e) {
        return page(e.status(), Chinese.of(e.getMessage()));
    }

    /** A file above the server's multipart limit never reaches the page's own size check. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        return page(HttpStatus.BAD_REQUEST, "文件太大，未上传。附件不能超过 20 MB，请压缩或拆分后再上传。");
    }

    /** An upload the browser cut off or garbled never becomes a file. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView badUpload(MultipartException e) {
        return page(HttpStatus.BAD_REQUEST, "上传内容不完整或格式不正确，未上传。请重新选择文件上传。");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badParameter(Exception e) {
        return page(HttpStatus.BAD_REQUEST, "请求参数缺失或格式不正确，请从页面上的链接和表单重新操作。");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (DatabaseOutage.isOutage(e)) {
            log.warn("Database unavailable on a workbench page: {}", e.toString());
            return page(DatabaseOutage.STATUS, "数据库暂不可用，系统正在恢复连接。请稍后刷新页面，确认刚才的操作是否已经保存。");
        }
        log.error("Unexpected error on a workbench page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误，请稍后再试或联系系统管理员。");
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView(status == HttpStatus.FORBIDDEN ? "error/403" : "error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
