// A fixture root: a directory laid out like /proc, /sys and /etc (fixtures/README.md).
#include <climits>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "netsnap/capture/clock.h"
#include "netsnap/capture/name_resolver.h"
#include "netsnap/capture/proc_capture.h"
#include "netsnap/capture/snapshot_source.h"

namespace netsnap::capture {
namespace {

class FixtureSource : public SnapshotSource {
 public:
  explicit FixtureSource(std::string root)
      : fs_(root), names_(make_files_resolver(root + "/etc")) {}

  model::Snapshot capture() override {
    model::Snapshot s;
    Diagnostics diag;
    CaptureClock clock;
    s.host = clock.start_host_info();
    s.host.origin = model::Origin::kFixture;
    s.host.fixture_root = fs_.root();
    s.host.hostname = read_trimmed(fs_, "proc/sys/kernel/hostname");
    s.host.kernel_release = read_trimmed(fs_, "proc/sys/kernel/osrelease");
    s.host.boot_id = read_trimmed(fs_, "proc/sys/kernel/random/boot_id");
    capture_proc_tables(fs_, s, diag);
    capture_sys_class_net(fs_, s, diag);
    s.names = names_->resolve(collect_name_keys(s));
    s.warnings = diag.take();
    s.host.capture_duration_ns = clock.elapsed_ns();
    return s;
  }

 private:
  RootFs fs_;
  std::unique_ptr<NameResolver> names_;
};

}  // namespace

std::unique_ptr<SnapshotSource> make_fixture_source(const std::string& root) {
  char resolved[PATH_MAX];
  if (!realpath(root.c_str(), resolved))
    throw std::runtime_error("fixture root " + root + ": " + std::strerror(errno));
  RootFs fs(resolved);
  int error = 0;
  if (!fs.list("proc", &error))
    throw std::runtime_error("fixture root " + root + " has no proc/ directory");
  return std::make_unique<FixtureSource>(resolved);
}

}  // namespace netsnap::capture
