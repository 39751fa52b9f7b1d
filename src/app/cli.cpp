#include "app/cli.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "app/application.hpp"
#include "app/commands.hpp"

namespace safeboard::app {

namespace {

void add_common_options(CLI::App& command, config::Overrides& overrides) {
    command.add_option("--config", overrides.config_file, "TOML settings file")->type_name("FILE");
    command.add_option("--db", overrides.db,
                       "Database URL: sqlite:PATH or postgresql://... (env SAFEBOARD_DB; "
                       "default sqlite:var/safeboard.db)")
        ->type_name("URL");
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App cli{"Safeboard: the business system of a children's safeguarding partnership", "safeboard"};
    cli.require_subcommand(1);
    config::Overrides overrides;

    auto* serve_command = cli.add_subcommand("serve", "Serve Safeboard over HTTP");
    add_common_options(*serve_command, overrides);
    serve_command->add_option("--listen", overrides.listen,
                              "HOST:PORT to listen on (env SAFEBOARD_LISTEN; default 127.0.0.1:8080)")
        ->type_name("HOST:PORT");
    serve_command->add_option("--threads", overrides.threads, "I/O threads (default: one per core)")
        ->check(CLI::Range(1, 256));

    auto* migrate_command = cli.add_subcommand("migrate", "Apply pending database migrations");
    add_common_options(*migrate_command, overrides);
    auto* check_command = cli.add_subcommand("check", "Check the database's integrity and schema");
    add_common_options(*check_command, overrides);
    auto* demo_command = cli.add_subcommand("demo", "Load the demo partnerships (running it again changes nothing)");
    add_common_options(*demo_command, overrides);
    cli.add_subcommand("version", "Print the version");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "safeboard: " << e.what() << " (see safeboard --help)\n";
        return 2;
    }

    if (cli.got_subcommand("version")) {
        std::cout << "safeboard " << version() << "\n";
        return 0;
    }
    auto settings = config::load(overrides, config::process_environment());
    if (!settings) {
        std::cerr << "safeboard: " << settings.error().message << "\n";
        return 2;
    }
    if (cli.got_subcommand(serve_command)) return serve(*settings, std::cerr);
    if (cli.got_subcommand(migrate_command)) return migrate(*settings, std::cout, std::cerr);
    if (cli.got_subcommand(demo_command)) return load_demo(*settings, std::cout, std::cerr);
    return check(*settings, std::cout, std::cerr);
}

}  // namespace safeboard::app
