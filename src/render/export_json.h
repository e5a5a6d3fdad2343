// Inside render: the json exporter, which make_exporter (export_tables.cc) hands out.
#pragma once

#include <memory>
#include <ostream>

#include "netsnap/render/export.h"

namespace netsnap::render {

std::unique_ptr<FrameExporter> make_json_exporter(std::ostream& out);

}  // namespace netsnap::render
