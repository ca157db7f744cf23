package cn.zhaoshang.task;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;

/**
 * What may be attached to a task: the files officials pass around — Word, Excel, PowerPoint (old and new formats), WPS,
 * OFD (the national e-document format), PDF, JPEG and PNG — up to the same size as an agreement draft. The extension
 * and the file's first bytes must agree, so a renamed executable is not served back as a "PDF".
 */
@Component
class AttachmentRules {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};

    private record Kind(String contentType, byte[] magic) {
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP)),
            Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP)),
            Map.entry("pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP)),
            Map.entry("ofd", new Kind("application/ofd", ZIP)),
            Map.entry("doc", new Kind("application/msword", OLE)),
            Map.entry("xls", new Kind("application/vnd.ms-excel", OLE)),
            Map.entry("ppt", new Kind("application/vnd.ms-powerpoint", OLE)),
            // WPS 文字 has no registered media type: downloaded as plain bytes
            Map.entry("wps", new Kind("application/octet-stream", OLE)),
            Map.entry("pdf", new Kind("application/pdf", PDF)),
            Map.entry("jpg", new Kind("image/jpeg", JPEG)),
            Map.entry("jpeg", new Kind("image/jpeg", JPEG)),
            Map.entry("png", new Kind("image/png", PNG)));

    static final String ALLOWED = "Word（.doc/.docx）、Excel（.xls/.xlsx）、PowerPoint（.ppt/.pptx）、WPS、OFD、PDF、JPG、PNG";

    private final long maxBytes;

    AttachmentRules(@Value("${zhaoshang.task.max-attachment-bytes:20971520}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    record Accepted(String name, String contentType) {
    }

    Accepted check(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || content == null || content.length == 0) {
            throw refused("请选择要上传的文件 / Choose a file");
        }
        if (name.codePointCount(0, name.length()) > 200) {
            throw refused("文件名不能超过 200 个字 / The file name is longer than 200 characters");
        }
        if (content.length > maxBytes) {
            throw refused("文件不能超过 " + maxBytes / 1024 / 1024 + " MB / The file is larger than "
                    + maxBytes / 1024 / 1024 + " MB");
        }
        int dot = name.lastIndexOf('.');
        Kind kind = dot < 0 ? null : KINDS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (kind == null || !startsWith(content, kind.magic())) {
            throw refused("附件只能是 " + ALLOWED + " 文件，且内容与扩展名一致 / Only office documents, PDF and images "
                    + "are accepted, with content matching the extension");
        }
        return new Accepted(name, kind.contentType());
    }

    /** "12.3 KB", "4.5 MB": sizes as people read them. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static ApiException refused(String message) {
        return ApiException.validation(List.of(new FieldError("file", message)));
    }
}
