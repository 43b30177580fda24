#include "server/export/jsonl_writer.h"

#include <stdexcept>

namespace orchard::exporting {

JsonlWriter::JsonlWriter(const std::string& out) : out_(out) {
    if (out == "-") {
        file_ = stdout;
        to_stdout_ = true;
        return;
    }
    if (out.ends_with(".gz")) {
        // zlib writes a header without time or name: the same lines, the same bytes.
        gz_ = gzopen(out.c_str(), "wb6");
        if (!gz_) throw std::runtime_error("cannot write " + out);
        return;
    }
    file_ = std::fopen(out.c_str(), "wb");
    if (!file_) throw std::runtime_error("cannot write " + out);
    // A megabyte per write call rather than the default of a block: a messages export is a
    // million lines of about a kilobyte each.
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

JsonlWriter::~JsonlWriter() {
    if (gz_)
        gzclose(gz_);
    else if (file_ && !to_stdout_)
        std::fclose(file_);
}

void JsonlWriter::write_bytes(std::string_view bytes) {
    if (gz_) {
        if (gzwrite(gz_, bytes.data(), static_cast<unsigned>(bytes.size())) !=
            static_cast<int>(bytes.size()))
            throw std::runtime_error("cannot write " + out_);
    } else if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
        throw std::runtime_error("cannot write " + out_);
    }
}

void JsonlWriter::write(std::string_view line) {
    write_bytes(line);
    write_bytes("\n");
    ++lines_;
}

void JsonlWriter::close() {
    bool ok = true;
    if (gz_) {
        ok = gzclose(gz_) == Z_OK;
        gz_ = nullptr;
    } else if (file_) {
        ok = std::fflush(file_) == 0 && !std::ferror(file_);
        if (!to_stdout_) ok = std::fclose(file_) == 0 && ok;
        file_ = nullptr;
    }
    if (!ok) throw std::runtime_error("cannot finish writing " + out_);
}

} // namespace orchard::exporting
