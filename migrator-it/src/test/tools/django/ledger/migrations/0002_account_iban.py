from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("ledger", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="account",
            name="iban",
            field=models.CharField(max_length=34, null=True),
        ),
    ]
