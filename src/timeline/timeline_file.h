// Opening a timeline for writing without harming anything else: new files are created 0600 and
// never through a symbolic link, an existing file is written only when it is a regular file, and
// one recorder at a time holds an advisory lock (flock) on it. Readers never take the lock.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

namespace netsnap::timeline {

// Opens path with flags (O_NONBLOCK and O_CLOEXEC added: a FIFO never blocks the open) when it
// is a regular file; nullopt when nothing is there. Throws TimelineError for anything else: a
// FIFO, device or directory, a symbolic link under O_NOFOLLOW, an open that fails.
std::optional<int> open_regular_file(const std::string& path, int flags);

// Creates path, which must not exist (O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600), and locks it.
// Throws TimelineExists when something is already there.
int create_timeline_file(const std::string& path);

// Opens an existing regular file (never through a symbolic link) for appending and locks it;
// returns -1 when nothing is at path.
int open_timeline_for_append(const std::string& path);

// Locks fd for this recorder; throws TimelineError naming the pid of the recorder that holds it.
void lock_for_recording(int fd, const std::string& path);

// Creates a new locked timeline file next to path, for rename() over it once its header is
// written; `temp_path` receives its name.
int create_replacement_file(const std::string& path, std::string& temp_path);

// Throws unless path is a regular file (not a link) that holds a timeline no recorder is writing:
// the only kind of file `--force` may replace.
void check_replaceable(const std::string& path);

}  // namespace netsnap::timeline
