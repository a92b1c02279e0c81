package io.clientspace.shared;

/**
 * A call reached a service of a module the firm switched off. Nothing changed; the UI says which module is off
 * ({@code module.off.refused}).
 */
public class ModuleOffException extends RuntimeException {

    private final FirmModule module;

    public ModuleOffException(FirmModule module) {
        super("The module " + module + " is switched off for this firm");
        this.module = module;
    }

    public FirmModule module() {
        return module;
    }
}
