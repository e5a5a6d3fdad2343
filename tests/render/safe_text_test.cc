// Names from files on their way to a terminal, a CSV cell or a file-system path.
#include "netsnap/render/safe_text.h"

#include <gtest/gtest.h>

namespace netsnap::render {
namespace {

TEST(SafeTextTest, PrintableTurnsEveryControlByteAndDelIntoAQuestionMark) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  std::string shown = printable(all);
  ASSERT_EQ(shown.size(), all.size());  // columns stay aligned
  for (int c = 0; c < 256; ++c) {
    bool control = c < 0x20 || c == 0x7f;
    EXPECT_EQ(shown[c], control ? '?' : static_cast<char>(c)) << "byte " << c;
  }
  EXPECT_EQ(printable("\x1b]0;owned\x07"), "?]0;owned?");
  EXPECT_EQ(printable("caf\xc3\xa9"), "caf\xc3\xa9");  // UTF-8 is left alone
  EXPECT_EQ(printable("a\xc2\x9b"
                      "2J\xc2\xa0\xc2"),
            "a??2J\xc2\xa0\xc2");  // but not C1 controls
}

TEST(SafeTextTest, CsvFieldsAreQuotedWithoutControlCharacters) {
  EXPECT_EQ(csv_text_field("plain"), "\"plain\"");
  EXPECT_EQ(csv_text_field(""), "\"\"");
  EXPECT_EQ(csv_text_field("a,\"b\""), "\"a,\"\"b\"\"\"");
  EXPECT_EQ(csv_text_field("line\r\nnext\x1b[2J"), "\"line??next?[2J\"");
}

TEST(SafeTextTest, FileNamesAreOnePathComponent) {
  EXPECT_EQ(file_name("interface name", "eth0"), "eth0");
  EXPECT_EQ(file_name("interface name", "br-3f2a:1 x"), "br-3f2a:1 x");
  EXPECT_EQ(file_name("interface name", "..."), "...");
  for (std::string_view bad : {std::string_view(""), std::string_view("."), std::string_view(".."),
                               std::string_view("../../../../tmp/x"), std::string_view("a/b"),
                               std::string_view("/"), std::string_view("a\0b", 3)}) {
    EXPECT_THROW(file_name("interface name", bad), UnsafeFileName) << bad;
  }
}

TEST(SafeTextTest, AFileNameErrorIsOneLineNamingTheKindAndTheName) {
  try {
    file_name("interface name", "../\x1b[31m\n/x");
    FAIL() << "expected UnsafeFileName";
  } catch (const UnsafeFileName& e) {
    EXPECT_STREQ(e.what(), "interface name '../?[31m?/x' cannot be a file name: it holds '/'");
  }
  try {
    file_name("interface name", "..");
    FAIL() << "expected UnsafeFileName";
  } catch (const UnsafeFileName& e) {
    EXPECT_STREQ(e.what(),
                 "interface name '..' cannot be a file name: it names a directory itself");
  }
}

TEST(SafeTextTest, WarningsAreOnePrintableLine) {
  model::CaptureWarning w{model::WarningKind::kMalformedLine, "proc/net/dev", 3,
                          "bad name 'e\x1b[2Jth0\n'"};
  EXPECT_EQ(warning_text(w), "proc/net/dev:3: bad name 'e?[2Jth0?'");
  model::CaptureWarning unreadable{model::WarningKind::kUnreadable, "sys/class/net/\x1b[1mx/mtu", 0,
                                   "Permission denied"};
  EXPECT_EQ(warning_text(unreadable), "sys/class/net/?[1mx/mtu: Permission denied");
}

}  // namespace
}  // namespace netsnap::render
