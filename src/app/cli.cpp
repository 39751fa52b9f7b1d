#include "app/cli.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "app/application.hpp"
#include "app/account_commands.hpp"
#include "app/commands.hpp"
#include "app/performance_commands.hpp"
#include "app/plans_commands.hpp"
#include "app/register_commands.hpp"

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
    auto* key_command = cli.add_subcommand("key", "The key that seals learning reviews' sensitive details");
    key_command->require_subcommand(1);
    auto* key_create_command = key_command->add_subcommand(
        "create", "Write a new key to reviews_key_file (default: reviews.key beside the SQLite database); "
                  "never overwrites one");
    add_common_options(*key_create_command, overrides);
    bool key_if_missing = false;
    key_create_command->add_flag("--if-missing", key_if_missing, "Keep a key file that is already there (exit 0)");

    auto* user_command = cli.add_subcommand("user", "Manage accounts");
    user_command->require_subcommand(1);
    UserAddOptions user_add_options;
    auto* user_add_command = user_command->add_subcommand(
        "add", "Add an account; prints a one-time set-up link unless --password-stdin is given");
    add_common_options(*user_add_command, overrides);
    user_add_command->add_option("--email", user_add_options.email, "Email address (unique)")->required();
    user_add_command->add_option("--name", user_add_options.name, "Full name")->required();
    user_add_command->add_option("--role", user_add_options.role,
                                 "admin, business_unit, chair, statutory_partner, agency_lead, member, "
                                 "review_panel, child_death_panel, scrutiny or viewer")->required();
    user_add_command->add_option("--scope", user_add_options.scope,
                                 "Where the role applies: instance (default) or partnership:ID");
    user_add_command->add_flag("--password-stdin", user_add_options.password_stdin,
                               "Read the password from the first line of standard input");
    auto* user_list_command = user_command->add_subcommand("list", "List accounts");
    add_common_options(*user_list_command, overrides);
    std::string user_email;
    auto* user_disable_command = user_command->add_subcommand("disable", "Disable an account and end its sessions at once");
    add_common_options(*user_disable_command, overrides);
    user_disable_command->add_option("email", user_email, "The account's email address")->required();

    auto* token_command = cli.add_subcommand("token", "Manage API tokens");
    token_command->require_subcommand(1);
    TokenCreateOptions token_options;
    auto* token_create_command = token_command->add_subcommand("create", "Create an API token; prints it once");
    add_common_options(*token_create_command, overrides);
    token_create_command->add_option("--user", token_options.user, "The email of the user it acts as")->required();
    token_create_command->add_option("--name", token_options.name, "What it is for")->required();
    token_create_command->add_option("--expires", token_options.expires, "Last day plus one: YYYY-MM-DD")
        ->type_name("DATE");
    auto* token_list_command = token_command->add_subcommand("list", "List a user's API tokens");
    add_common_options(*token_list_command, overrides);
    token_list_command->add_option("--user", user_email, "The user's email")->required();
    std::int64_t token_id = 0;
    auto* token_revoke_command = token_command->add_subcommand("revoke", "Revoke an API token");
    add_common_options(*token_revoke_command, overrides);
    token_revoke_command->add_option("--user", user_email, "The user's email")->required();
    token_revoke_command->add_option("--id", token_id, "The token's id (from token list)")->required();

    auto* audit_command = cli.add_subcommand("audit", "The audit log");
    audit_command->require_subcommand(1);
    std::string audit_from, audit_to, audit_file;
    auto* audit_export_command = audit_command->add_subcommand(
        "export", "Write entries and the chain's head hash as JSON lines, for safe keeping elsewhere");
    add_common_options(*audit_export_command, overrides);
    audit_export_command->add_option("--from", audit_from, "First day, YYYY-MM-DD (UTC)")->required();
    audit_export_command->add_option("--to", audit_to, "Last day, YYYY-MM-DD (UTC)")->required();
    audit_export_command->add_option("--out", audit_file, "File to write (default: standard output)")
        ->type_name("FILE");

    SheetOptions sheet_options;
    std::optional<std::string> plan;
    const char* sheet_kinds = "organisations, people, bodies, memberships, actions or recommendations";
    const char* plan_help = "actions: the plan's id or exact title";
    auto* import_command = cli.add_subcommand(
        "import", "Import a CSV file into a partnership's register, a plan, its recommendations or agencies' "
                  "returns: all or nothing, every bad row named");
    add_common_options(*import_command, overrides);
    import_command->add_option("kind", sheet_options.kind,
                               "organisations, people, bodies, memberships, actions, recommendations or returns")
        ->required();
    import_command->add_option("file", sheet_options.file, "The CSV file (UTF-8, with or without a BOM)")->required();
    import_command->add_option("--partnership", sheet_options.partnership, "The partnership's code or id")->required();
    import_command->add_option("--plan", plan, plan_help);
    auto* export_command =
        cli.add_subcommand("export", "Write a partnership's register, a plan's actions or its recommendations as CSV or XLSX");
    add_common_options(*export_command, overrides);
    export_command->add_option("kind", sheet_options.kind, sheet_kinds)->required();
    export_command->add_option("--partnership", sheet_options.partnership, "The partnership's code or id")->required();
    export_command->add_option("--plan", plan, plan_help);
    export_command->add_option("--format", sheet_options.format, "csv (default) or xlsx");
    export_command->add_option("--out", sheet_options.file, "File to write (default: standard output)")
        ->type_name("FILE");

    std::string remind_on;
    auto* remind_command = cli.add_subcommand(
        "remind", "List overdue actions and those due within 14 days to each person responsible, in the app and "
                  "by e-mail when [mail] is set; running a day again sends nothing twice");
    add_common_options(*remind_command, overrides);
    remind_command->add_option("--on", remind_on, "The day, YYYY-MM-DD (default: today, UK time)")->type_name("DATE");

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
    if (key_command->got_subcommand(key_create_command)) return create_key(*settings, key_if_missing, std::cout, std::cerr);
    if (user_command->got_subcommand(user_add_command)) {
        return user_add(*settings, user_add_options, std::cin, std::cout, std::cerr);
    }
    if (user_command->got_subcommand(user_list_command)) return user_list(*settings, std::cout, std::cerr);
    if (user_command->got_subcommand(user_disable_command)) {
        return user_disable(*settings, user_email, std::cout, std::cerr);
    }
    if (token_command->got_subcommand(token_create_command)) {
        return token_create(*settings, token_options, std::cout, std::cerr);
    }
    if (token_command->got_subcommand(token_list_command)) return token_list(*settings, user_email, std::cout, std::cerr);
    if (token_command->got_subcommand(token_revoke_command)) {
        return token_revoke(*settings, user_email, token_id, std::cout, std::cerr);
    }
    if (cli.got_subcommand(import_command) || cli.got_subcommand(export_command)) {
        if (auto problem = plan_option_problem(sheet_options.kind, plan)) {
            std::cerr << "safeboard: " << *problem << "\n";
            return 2;
        }
    }
    if (cli.got_subcommand(import_command)) {
        if (sheet_options.kind == "returns") return import_returns(*settings, sheet_options, std::cout, std::cerr);
        if (is_plans_sheet(sheet_options.kind)) {
            return import_plans_sheet(*settings, sheet_options, plan.value_or(""), std::cout, std::cerr);
        }
        return import_sheet(*settings, sheet_options, std::cout, std::cerr);
    }
    if (cli.got_subcommand(export_command)) {
        if (is_plans_sheet(sheet_options.kind)) {
            return export_plans_sheet(*settings, sheet_options, plan.value_or(""), std::cout, std::cerr);
        }
        return export_sheet(*settings, sheet_options, std::cout, std::cerr);
    }
    if (cli.got_subcommand(remind_command)) return remind(*settings, remind_on, std::cout, std::cerr);
    if (audit_command->got_subcommand(audit_export_command)) {
        return audit_export(*settings, audit_from, audit_to, audit_file, std::cout, std::cerr);
    }
    return check(*settings, std::cout, std::cerr);
}

}  // namespace safeboard::app
