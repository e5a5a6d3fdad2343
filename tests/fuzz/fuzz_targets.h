// The fuzz targets: one entry function per harness file (tests/fuzz/<name>_fuzz.cc). The same
// function is libFuzzer's LLVMFuzzerTestOneInput in that harness's fuzzer (built with
// -DNETSNAP_FUZZ=ON, see tests/fuzz/README.md) and is replayed by netsnap_tests over every input
// kept under tests/fuzz/corpus/<name>/ and tests/fuzz/regressions/<name>/.
//
// An entry function returns 0 for every input. It catches only the errors its code under test
// documents for bad input (TimelineError, FilterError, ...); anything else escapes and is a crash,
// as is a broken invariant (FUZZ_CHECK).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace netsnap::fuzz {

int fuzz_timeline_reader(const uint8_t* data, size_t size);
int fuzz_snapshot_decode(const uint8_t* data, size_t size);
int fuzz_frame_columns(const uint8_t* data, size_t size);
int fuzz_proc_net_inet(const uint8_t* data, size_t size);
int fuzz_proc_net_unix(const uint8_t* data, size_t size);
int fuzz_proc_net_sctp(const uint8_t* data, size_t size);
int fuzz_proc_net_route(const uint8_t* data, size_t size);
int fuzz_proc_net_dev(const uint8_t* data, size_t size);
int fuzz_proc_net_igmp(const uint8_t* data, size_t size);
int fuzz_proc_net_snmp(const uint8_t* data, size_t size);
int fuzz_proc_net_conntrack(const uint8_t* data, size_t size);
int fuzz_process_text(const uint8_t* data, size_t size);
int fuzz_socket_filter(const uint8_t* data, size_t size);
int fuzz_moment(const uint8_t* data, size_t size);
int fuzz_netstat_options(const uint8_t* data, size_t size);

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts, which libFuzzer and the replaying test both report as a crash, when an invariant the
// code under test promises does not hold.
[[noreturn]] void check_failed(const char* condition, const char* file, int line);

}  // namespace netsnap::fuzz

#define FUZZ_CHECK(condition) \
  ((condition) ? (void)0 : ::netsnap::fuzz::check_failed(#condition, __FILE__, __LINE__))

// In a fuzzer build (NETSNAP_LIBFUZZER defined), makes `function` the fuzzer's entry point; in
// netsnap_tests, nothing.
#ifdef NETSNAP_LIBFUZZER
#define NETSNAP_FUZZ_ENTRY(function)                                        \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { \
    return function(data, size);                                            \
  }
#else
#define NETSNAP_FUZZ_ENTRY(function)
#endif
