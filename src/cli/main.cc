#include "netsnap/cli/app.h"

int main(int argc, char** argv) { return netsnap::cli::run(argc, argv); }
