#include "server/http/mapped_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace orchard::http {

std::shared_ptr<const MappedFile> MappedFile::open_and_unlink(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw std::runtime_error("cannot open " + file.string() + ": " + std::strerror(errno));
    struct stat status {};
    const bool sized = ::fstat(fd, &status) == 0;
    const auto size = sized ? static_cast<std::size_t>(status.st_size) : 0;
    // An empty file cannot be mapped, and needs no mapping.
    void* data = nullptr;
    if (sized && size > 0) {
        data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data == MAP_FAILED) data = nullptr;
    }
    const int error = errno;
    ::close(fd);
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    if (!sized || (size > 0 && !data))
        throw std::runtime_error("cannot map " + file.string() + ": " + std::strerror(error));
    return std::shared_ptr<const MappedFile>(new MappedFile(data, size));
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(data_, size_);
}

} // namespace orchard::http
