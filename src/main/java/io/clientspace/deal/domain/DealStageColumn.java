package io.clientspace.deal.domain;

import io.clientspace.deal.DealStage;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A stage is stored by its code: the stage's user task id, or WON or LOST. */
@Converter
class DealStageColumn implements AttributeConverter<DealStage, String> {

    @Override
    public String convertToDatabaseColumn(DealStage stage) {
        return stage == null ? null : stage.code();
    }

    @Override
    public DealStage convertToEntityAttribute(String code) {
        return code == null ? null : DealStage.ofCode(code);
    }
}
